package com.retentionadvisor.rules;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
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

/**
 * One compiled set of rule files: DRL files, decision tables (.csv, .xlsx) and the messages they refer to,
 * identified by a hash of their content. Immutable; evaluating it is thread-safe.
 */
public final class Ruleset {

    private final String version;
    private final KieBase kieBase;
    private final RuleMessages messages;
    private final List<String> ruleNames;
    // Sessions are reset and reused rather than built anew for every customer.
    private final KieSessionsPool sessions;

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
        List<String> problems = new ArrayList<>();
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
                    problems.addAll(RuleSandbox.check(path, drl, true));
                    kfs.write("src/main/resources/rules/" + DecisionTables.drlPath(path), drl);
                    ruleFiles++;
                }
            } else if (isRuleFile(path)) {
                problems.addAll(RuleSandbox.check(path, new String(file.getValue(), StandardCharsets.UTF_8), false));
                kfs.write("src/main/resources/rules/" + path, file.getValue());
                ruleFiles++;
            }
        }
        if (ruleFiles == 0 && problems.isEmpty()) {
            problems.add("no rule files (.drl, .csv, .xlsx) were found");
        }
        if (!problems.isEmpty()) {
            throw new RulesetException("The ruleset does not compile", problems);
        }
        ReleaseId releaseId = kie.newReleaseId("com.retentionadvisor", "ruleset", "1.0.0-" + version);
        kfs.generateAndWritePomXML(releaseId);
        ClassLoader classLoader = Ruleset.class.getClassLoader();
        KieBuilder builder = kie.newKieBuilder(kfs, classLoader).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        // A syntax error hides the types a file declares, and every file using them fails too: show the cause only.
        List<Message> syntaxErrors = errors.stream().filter(m -> m.getText().startsWith("[ERR ")).toList();
        for (Message message : syntaxErrors.isEmpty() ? errors : syntaxErrors) {
            problems.add(describe(message, tables));
        }
        if (!syntaxErrors.isEmpty() && errors.size() > syntaxErrors.size()) {
            problems.add("(" + (errors.size() - syntaxErrors.size()) + " further problems that follow from the syntax errors above are not shown)");
        }
        if (!problems.isEmpty()) {
            throw new RulesetException("The ruleset does not compile", problems);
        }
        KieContainer container = kie.newKieContainer(releaseId, classLoader);
        KieBase kieBase = container.getKieBase();
        kie.getRepository().removeKieModule(releaseId);
        return new Ruleset(version, kieBase, new RuleMessages(messages));
    }

    /** Runs every rule over the given facts and collects what they concluded. */
    public Evaluation evaluate(Collection<?> facts, int maxFirings) {
        KieSession session = sessions.newKieSession();
        List<String> fired = new ArrayList<>();
        DefaultAgendaEventListener firedRuleNames = new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                fired.add(event.getMatch().getRule().getName());
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
            facts.forEach(session::insert);
            int firings = session.fireAllRules(maxFirings);
            if (firings >= maxFirings) {
                throw new IllegalStateException("ruleset " + version + " fired " + firings + " rules on one customer: a rule loops");
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

    private static Properties readMessages(String path, byte[] content, List<String> problems) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(new String(content, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            problems.add(path + ": " + e.getMessage());
        }
        return properties;
    }

    private static String describe(Message message, DecisionTables tables) {
        // Back to the analyst's path, without the build folders; a table's problems are told in its rows and columns.
        String path = message.getPath() == null ? "" : message.getPath().replaceFirst("^(src/main/resources/)?rules/", "");
        return tables.describe(path, message)
                .orElseGet(() -> path + ":" + message.getLine() + ":" + message.getColumn() + ": " + message.getText().strip());
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
