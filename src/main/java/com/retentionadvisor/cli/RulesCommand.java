package com.retentionadvisor.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.retentionadvisor.rules.Ruleset;
import com.retentionadvisor.rules.RulesetException;
import com.retentionadvisor.rules.scenarios.ScenarioResult;
import com.retentionadvisor.rules.scenarios.ScenarioRunner;

/**
 * The rules command line, for analysts who keep rules in a repository of their own and check them in its CI:
 * {@code rules check} and {@code rules test} run here, without a service or a database; {@code rules simulate},
 * {@code rules backtest} and {@code rules calibrate} send the rules to a running advisor and wait for its report.
 */
public final class RulesCommand {

    /** Everything is fine. */
    public static final int OK = 0;
    /** The rules do not compile, a scenario fails, or the service turned the candidate away. */
    public static final int RULES_REJECTED = 1;
    /** The command line is wrong: an unknown command or option, a missing folder. */
    public static final int USAGE = 2;
    /** The service could not be reached or the job failed there. */
    public static final int SERVICE_FAILED = 3;

    // The engine's default (retention.rules.max-firings): firings on one customer before an evaluation is a loop.
    // The service's defaults (retention.rules.max-firings, retention.rules.scenario-time-budget): a scenario passes here as there.
    private static final int MAX_FIRINGS = 10_000;
    private static final java.time.Duration TIME_BUDGET = java.time.Duration.ofSeconds(5);

    static final String USAGE_TEXT = """
            Usage: rules <command> [options]
              rules check    --dir <folder>                 compile the rule files; list the rules or every problem
              rules test     --dir <folder>                 run the scenario files under <folder>/tests against the rules
              rules simulate --dir <folder> --url <service> [--as-of <instant>] [--sample <n>] [--api-key <key>]
                                                            simulate the rules on the service's customers beside its live ruleset
              rules backtest --dir <folder> --url <service> --cutoff <instant> --horizon <P90D> --outcome <NO_ORDER|CHURNED> [--top-k <n>] [--api-key <key>]
                                                            back-test the rules' risk score on what happened after the cut-off
              rules calibrate --dir <folder> --url <service> --cutoff <instant> --horizon <P90D> --outcome <NO_ORDER|CHURNED> [--out <folder>]
                              [--points-to-double-odds <20>] [--even-odds-score <100>] [--min-customers <30>] [--regularisation <2>]
                              [--level-rates <0.25,0.5,0.65>] [--api-key <key>]
                                                            fit the weights and risk bands on what happened after the cut-off;
                                                            --out writes the proposed tables there (e.g. the same folder, to diff)
            simulate, backtest and calibrate send an analyst's API key: RETENTION_API_KEY, or --api-key (which other users of the machine may see).
            Exit codes: 0 fine, 1 rules rejected (do not compile, a scenario fails), 2 wrong usage or a key turned away, 3 service unreachable or job failed.
            """;

    /** Where the API key for simulate and backtest comes from when --api-key is not given. */
    static final String API_KEY_VARIABLE = "RETENTION_API_KEY";

    private final PrintStream out;
    private final PrintStream err;
    private final Function<String, String> environment;

    public RulesCommand(PrintStream out, PrintStream err) {
        this(out, err, System::getenv);
    }

    RulesCommand(PrintStream out, PrintStream err, Function<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    /** Runs the command given after "rules" and answers the exit code. */
    public int run(List<String> args) {
        if (args.isEmpty() || Set.of("help", "--help", "-h").contains(args.get(0))) {
            (args.isEmpty() ? err : out).print(USAGE_TEXT);
            return args.isEmpty() ? USAGE : OK;
        }
        String command = args.get(0);
        if (args.contains("--help") || args.contains("-h")) {
            String usage = usageOf(command);
            if (usage == null) {
                return usage("unknown command '" + command + "'");
            }
            out.print(usage);
            return OK;
        }
        Map<String, String> options;
        try {
            options = options(args.subList(1, args.size()));
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        Path folder = Path.of(options.getOrDefault("dir", "rules"));
        if (!Files.isDirectory(folder)) {
            return usage("the rules folder " + folder.toAbsolutePath() + " does not exist");
        }
        return switch (command) {
            case "check" -> allowed(options, Set.of("dir")) ? check(folder) : USAGE;
            case "test" -> allowed(options, Set.of("dir")) ? test(folder) : USAGE;
            case "simulate" -> allowed(options, Set.of("dir", "url", "as-of", "sample", "api-key"))
                    ? remote(options).simulate(folder, options.get("as-of"), options.get("sample")) : USAGE;
            case "backtest" -> allowed(options, Set.of("dir", "url", "cutoff", "horizon", "outcome", "top-k", "api-key"))
                    ? remote(options).backtest(folder, options) : USAGE;
            case "calibrate" -> allowed(options, Set.of("dir", "url", "cutoff", "horizon", "outcome", "out", "api-key",
                    "points-to-double-odds", "even-odds-score", "min-customers", "regularisation", "level-rates"))
                    ? remote(options).calibrate(folder, options, options.containsKey("out") ? Path.of(options.get("out")) : null) : USAGE;
            default -> usage("unknown command '" + command + "'");
        };
    }

    private int check(Path folder) {
        Ruleset ruleset;
        try {
            ruleset = Ruleset.load(folder);
        } catch (RulesetException e) {
            err.println("The rules in " + folder + " do not compile:");
            e.problems().forEach(problem -> err.println(problem.describe()));
            return RULES_REJECTED;
        }
        out.println("Ruleset " + ruleset.version() + " compiles: " + ruleset.ruleNames().size() + " rules");
        ruleset.ruleNames().forEach(rule -> out.println("  " + rule));
        return OK;
    }

    private int test(Path folder) {
        Ruleset ruleset;
        try {
            ruleset = Ruleset.load(folder);
        } catch (RulesetException e) {
            err.println("The rules in " + folder + " do not compile, no scenario was run:");
            e.problems().forEach(problem -> err.println(problem.describe()));
            return RULES_REJECTED;
        }
        Path scenarios = folder.resolve("tests");
        List<ScenarioResult> results = Files.isDirectory(scenarios)
                ? new ScenarioRunner(ruleset, MAX_FIRINGS, TIME_BUDGET).runAll(scenarios)
                : List.of();
        if (results.isEmpty()) {
            err.println("No scenario was found under " + scenarios + ": a ruleset is tested by its scenarios");
            return RULES_REJECTED;
        }
        List<ScenarioResult> failed = results.stream().filter(result -> !result.passed()).toList();
        failed.forEach(result -> result.problems().forEach(problem -> out.println(problem.describe())));
        out.println("Ruleset " + ruleset.version() + ": " + (results.size() - failed.size()) + " scenarios passed, "
                + failed.size() + " failed");
        return failed.isEmpty() ? OK : RULES_REJECTED;
    }

    private AdvisorClient remote(Map<String, String> options) {
        String apiKey = options.getOrDefault("api-key", environment.apply(API_KEY_VARIABLE));
        return new AdvisorClient(options.getOrDefault("url", "http://localhost:8080"), apiKey, out, err);
    }

    private boolean allowed(Map<String, String> options, Set<String> known) {
        List<String> unknown = new ArrayList<>(options.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            usage("unknown option --" + unknown.get(0));
            return false;
        }
        return true;
    }

    /** The usage lines of one command, with the notes that follow them all; null for an unknown command. */
    static String usageOf(String command) {
        List<String> lines = USAGE_TEXT.lines().toList();
        StringBuilder usage = new StringBuilder(lines.get(0)).append('\n');
        boolean inCommand = false;
        boolean found = false;
        for (String line : lines.subList(1, lines.size())) {
            if (line.startsWith("  rules ")) {
                inCommand = line.startsWith("  rules " + command + " ");
                found |= inCommand;
            } else if (!line.startsWith("  ")) {
                inCommand = true; // the notes after the commands
            }
            if (inCommand) {
                usage.append(line).append('\n');
            }
        }
        return found ? usage.toString() : null;
    }

    private int usage(String problem) {
        err.println("rules: " + problem);
        err.print(USAGE_TEXT);
        return USAGE;
    }

    private static Map<String, String> options(List<String> args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new IllegalArgumentException("option --" + name + " needs a value");
            }
            options.put(name, value);
        }
        return options;
    }
}
