package com.retentionadvisor.rules;

import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

import com.retentionadvisor.problems.RuleProblem;
import com.retentionadvisor.problems.RulesOverBudgetException;

/**
 * One compiled set of rule files: DRL files, decision tables (.csv, .xlsx) and the messages they refer to,
 * identified by a hash of their content. Immutable; evaluating it is thread-safe.
 */
public final class Ruleset {

    private static final Pattern PARSER_PLACE = Pattern.compile("^(?:\\[ERR \\d+\\]\\s*)?Line (\\d+):(\\d+)\\s*");
    private static final Pattern RULE_START = Pattern.compile("^\\s*rule\\s+(?:\"([^\"]+)\"|'([^']+)')");
    private static final Pattern RULE_END = Pattern.compile("^\\s*end\\s*(//.*)?$");

    private final String version;
    private final KieBase kieBase;
    private final RuleMessages messages;
    private final List<String> ruleNames;
    // Sessions are reset and reused rather than built anew for every customer.
    private final KieSessionsPool sessions;
    private volatile List<RuleAnatomy> anatomy;

    private Ruleset(String version, KieBase kieBase, RuleMessages messages) {
        this.version = version;
        this.kieBase = kieBase;
        this.sessions = kieBase.newKieSessionsPool(4);
        this.messages = messages;
        this.ruleNames = kieBase.getKiePackages().stream()
                .flatMap(p -> p.getRules().stream())
                .map(org.kie.api.definition.rule.Rule::getName)
                .sorted()
                .toList();
    }

    /** Reads every rule file below the folder (scenario tests under tests/ excepted) and compiles them. */
    public static Ruleset load(Path folder) {
        return compile(read(folder));
    }

    /** The files of the ruleset in the folder, by their path under it. */
    public static SortedMap<String, byte[]> read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new RulesetException("The rules folder " + folder.toAbsolutePath() + " does not exist", List.of());
        }
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                String relative = folder.relativize(path).toString().replace('\\', '/');
                if (isRuleFile(relative) || isMessageFile(relative)) {
                    files.put(relative, Files.readAllBytes(path));
                }
            }
        } catch (IOException e) {
            throw new RulesetException("Cannot read the rules folder " + folder.toAbsolutePath() + ": " + e.getMessage(), List.of());
        }
        return files;
    }

    /** Compiles rule files given by their path under rules/; fails with every compiler message, file and line. */
    public static Ruleset compile(SortedMap<String, byte[]> files) {
        String version = versionOf(files);
        KieServices kie = KieServices.Factory.get();
        KieFileSystem kfs = kie.newKieFileSystem();
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, Properties> messages = new HashMap<>();
        DecisionTables tables = new DecisionTables();
        int ruleFiles = 0;
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String path = file.getKey();
            if (isMessageFile(path)) {
                messages.put(languageOf(path), readMessages(path, file.getValue(), problems));
            } else if (isDecisionTable(path)) {
                String drl = tables.toDrl(path, file.getValue(), problems);
                if (drl != null) {
                    RuleSandbox.check(drl).forEach(found -> problems.add(tables.problemAt(path, found.line(), found.message())));
                    kfs.write("src/main/resources/rules/" + DecisionTables.drlPath(path), drl);
                    ruleFiles++;
                }
            } else if (isRuleFile(path)) {
                String drl = new String(file.getValue(), StandardCharsets.UTF_8);
                RuleSandbox.check(drl).forEach(found -> problems.add(
                        RuleProblem.atLine(path, found.line(), found.column(), found.message()).inRule(ruleAt(drl, found.line()))));
                kfs.write("src/main/resources/rules/" + path, file.getValue());
                ruleFiles++;
            }
        }
        if (ruleFiles == 0 && problems.isEmpty()) {
            problems.add(RuleProblem.inFile(null, "no rule files (.drl, .csv, .xlsx) were found"));
        }
        if (!problems.isEmpty()) {
            throw new RulesetException("The ruleset does not compile", version, problems);
        }
        ReleaseId releaseId = kie.newReleaseId("com.retentionadvisor", "ruleset", "1.0.0-" + version);
        kfs.generateAndWritePomXML(releaseId);
        ClassLoader classLoader = Ruleset.class.getClassLoader();
        KieBuilder builder = kie.newKieBuilder(kfs, classLoader).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        // A syntax error hides the types a file declares, and every file using them fails too: show the cause only.
        List<Message> syntaxErrors = errors.stream().filter(m -> m.getText().startsWith("[ERR ")).toList();
        for (Message message : syntaxErrors.isEmpty() ? errors : syntaxErrors) {
            problems.add(describe(message, tables, files));
        }
        if (!syntaxErrors.isEmpty() && errors.size() > syntaxErrors.size()) {
            problems.add(RuleProblem.inFile(null, "(" + (errors.size() - syntaxErrors.size())
                    + " further problems that follow from the syntax errors above are not shown)"));
        }
        if (!problems.isEmpty()) {
            throw new RulesetException("The ruleset does not compile", version, problems);
        }
        KieContainer container = kie.newKieContainer(releaseId, classLoader);
        KieBase kieBase = container.getKieBase();
        kie.getRepository().removeKieModule(releaseId);
        return new Ruleset(version, kieBase, new RuleMessages(messages));
    }

    /**
     * Runs every rule over the given facts and collects what they concluded, within a budget: at most
     * {@code maxFirings} rule firings and {@code timeBudget} of the evaluating thread's CPU time. Past either, the rules are stopped after the
     * firing under way (the sandbox has refused loops that need not end inside one) and nothing is concluded.
     *
     * A ruleset's first evaluations are slow where Drools builds and loads what a rule needs on first use: an evaluation
     * out of time is tried once more, on what the first attempt loaded, before it is given up.
     *
     * @throws RulesOverBudgetException past the budget
     */
    public Evaluation evaluate(Collection<?> facts, int maxFirings, Duration timeBudget) {
        try {
            return evaluateOnce(facts, maxFirings, timeBudget);
        } catch (OutOfTime firstAttempt) {
            try {
                return evaluateOnce(facts, maxFirings, timeBudget);
            } catch (OutOfTime again) {
                throw new RulesOverBudgetException(version, "took longer than " + timeBudget.toMillis() + " ms twice ("
                        + again.firings + " rule firings, the last by '" + again.lastRule + "')");
            }
        }
    }

    /**
     * The time the rules of one evaluation have used: the evaluating thread's CPU time, so that a garbage collection,
     * a busy machine or a thread waiting for a core is not counted against the rules. The wall clock, cheap to read, is
     * looked at after every firing; the CPU time only once the wall clock says the budget may be spent.
     */
    private static final class RuleTime {

        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported();

        private final long budget;
        private final long cpuAtStart;
        private long wallDeadline;

        RuleTime(Duration budget) {
            this.budget = budget.toNanos();
            this.cpuAtStart = CPU_TIME ? THREADS.getCurrentThreadCpuTime() : 0;
            this.wallDeadline = System.nanoTime() + this.budget;
        }

        boolean spent() {
            long now = System.nanoTime();
            if (now - wallDeadline < 0) {
                return false;
            }
            if (!CPU_TIME) {
                return true;
            }
            long used = THREADS.getCurrentThreadCpuTime() - cpuAtStart;
            if (used >= budget) {
                return true;
            }
            wallDeadline = now + (budget - used); // the CPU time cannot run out before then
            return false;
        }
    }

    // An attempt stopped by its time budget after this many firings.
    private static final class OutOfTime extends RuntimeException {

        private final int firings;
        private final String lastRule;

        OutOfTime(int firings, String lastRule) {
            super(null, null, false, false);
            this.firings = firings;
            this.lastRule = lastRule;
        }
    }

    private Evaluation evaluateOnce(Collection<?> facts, int maxFirings, Duration timeBudget) {
        RuleTime time = new RuleTime(timeBudget);
        KieSession session = sessions.newKieSession();
        List<String> fired = new ArrayList<>();
        boolean[] outOfTime = {false};
        DefaultAgendaEventListener firedRuleNames = new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                fired.add(event.getMatch().getRule().getName());
                if (time.spent()) {
                    outOfTime[0] = true;
                    session.halt();
                }
            }
        };
        DefaultRuleRuntimeEventListener outcomesNamed = new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                if (event.getObject() instanceof RuleOutcome outcome && event.getRule() != null) {
                    outcome.firedBy(event.getRule().getName());
                }
            }

            @Override
            public void objectUpdated(ObjectUpdatedEvent event) {
                if (event.getObject() instanceof Sign sign && event.getRule() != null) {
                    sign.weighedBy(event.getRule().getName());
                }
            }
        };
        session.addEventListener(firedRuleNames);
        session.addEventListener(outcomesNamed);
        try {
            int firings;
            try {
                facts.forEach(session::insert);
                firings = session.fireAllRules(maxFirings);
            } catch (StackOverflowError e) {
                // Recursion the sandbox could not see (it refuses functions that call themselves): stopped by the JVM.
                throw new RulesOverBudgetException(version, "recursed deeper than the stack allows"
                        + (fired.isEmpty() ? "" : " (the last rule fired was '" + fired.get(fired.size() - 1) + "')"));
            }
            if (outOfTime[0]) {
                throw new OutOfTime(firings, fired.get(fired.size() - 1));
            }
            if (firings >= maxFirings) {
                throw new RulesOverBudgetException(version, "fired " + firings + " rules on one customer (a rule loops;"
                        + " the last fired was '" + fired.get(fired.size() - 1) + "')");
            }
            List<RuleOutcome> outcomes = session.getObjects(o -> o instanceof RuleOutcome).stream()
                    .map(RuleOutcome.class::cast)
                    .toList();
            return new Evaluation(version, outcomes, fired.stream().distinct().toList());
        } finally {
            session.removeEventListener(firedRuleNames);
            session.removeEventListener(outcomesNamed);
            session.dispose();
        }
    }

    public String version() {
        return version;
    }

    public RuleMessages messages() {
        return messages;
    }

    public List<String> ruleNames() {
        return ruleNames;
    }

    /** What each rule reads and may conclude, read off the compiled rules once, when first asked. */
    public List<RuleAnatomy> anatomy() {
        List<RuleAnatomy> known = anatomy;
        if (known == null) {
            known = RuleAnatomy.of(kieBase);
            anatomy = known;
        }
        return known;
    }

    /** Whether a file at this path under rules/ is part of a ruleset (rule files, tables, messages; not tests or notes). */
    public static boolean readsFile(String path) {
        return isRuleFile(path) || isMessageFile(path);
    }

    static boolean isRuleFile(String path) {
        return !path.startsWith("tests/") && (path.endsWith(".drl") || isDecisionTable(path));
    }

    private static boolean isDecisionTable(String path) {
        return !path.startsWith("tests/") && (path.endsWith(".csv") || path.endsWith(".xlsx") || path.endsWith(".xls"));
    }

    private static boolean isMessageFile(String path) {
        return path.matches("messages(_[a-z]{2})?\\.properties");
    }

    private static String languageOf(String path) {
        return path.startsWith("messages_") ? path.substring("messages_".length(), "messages_".length() + 2) : "";
    }

    private static Properties readMessages(String path, byte[] content, List<RuleProblem> problems) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(new String(content, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            problems.add(RuleProblem.inFile(path, e.getMessage()));
        }
        return properties;
    }

    private static RuleProblem describe(Message message, DecisionTables tables, SortedMap<String, byte[]> files) {
        // Back to the analyst's path, without the build folders; a table's problems are told in its rows and columns.
        String path = message.getPath() == null ? "" : message.getPath().replaceFirst("^(src/main/resources/)?rules/", "");
        return tables.describe(path, message).orElseGet(() -> {
            String text = message.getText().strip();
            int line = message.getLine();
            Integer column = message.getColumn() > 0 ? message.getColumn() : null;
            // A parser message says where it is in its own words ("[ERR 102] Line 32:4 mismatched input"), column from 0.
            Matcher said = PARSER_PLACE.matcher(text);
            if (said.find()) {
                line = Integer.parseInt(said.group(1));
                column = Integer.parseInt(said.group(2)) + 1;
                text = text.substring(said.end()).strip();
            }
            byte[] content = files.get(path);
            String rule = content == null || line < 1 ? null : ruleAt(new String(content, StandardCharsets.UTF_8), line);
            RuleProblem problem = line >= 1 ? RuleProblem.atLine(path, line, column, text) : RuleProblem.inFile(path, text);
            return rule == null ? problem : problem.inRule(rule);
        });
    }

    /** The name of the rule whose text holds this line (from 1) of a DRL file, or null outside every rule. */
    static String ruleAt(String drl, int line) {
        String rule = null;
        List<String> lines = drl.lines().toList();
        for (int i = 0; i < Math.min(line, lines.size()); i++) {
            Matcher start = RULE_START.matcher(lines.get(i));
            if (start.find()) {
                rule = start.group(1) != null ? start.group(1) : start.group(2);
            } else if (i < line - 1 && RULE_END.matcher(lines.get(i)).matches()) {
                rule = null;
            }
        }
        return rule;
    }

    private static String versionOf(SortedMap<String, byte[]> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.getValue());
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
