package com.retentionadvisor.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import com.retentionadvisor.facts.CustomerFacts;
import com.retentionadvisor.rules.ActionCandidate;
import com.retentionadvisor.rules.ChurnSign;
import com.retentionadvisor.rules.ContactIntent;
import com.retentionadvisor.rules.ContactRefusal;
import com.retentionadvisor.rules.Evaluation;
import com.retentionadvisor.rules.Ruleset;

/**
 * One evaluation facts → outcomes of the full shipped ruleset (rules/, compiled once per fork as the service does at
 * start), for one customer, on one thread: a new KIE session, the customer's facts, the windows and the "any proactive
 * contact" intent inserted, every rule fired, the outcomes collected, the session disposed — what AdviceService does
 * per GET …/advice between the SQL and the JSON. Target (issue): at most 100 µs per customer on one core.
 * Run from the project root (rules/ is read relative to the working directory, or from -Dbench.rules=…).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", BenchLogging.LEVEL})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class RuleEvaluationBenchmark {

    private static final int MAX_FIRINGS = 10_000;

    @Param({"quiet", "drifting", "overContacted"})
    public String customer;

    private Ruleset ruleset;
    private CustomerFacts facts;

    @Setup(Level.Trial)
    public void compileAndCheck() {
        Path rules = Path.of(System.getProperty("bench.rules", "rules"));
        long started = System.nanoTime();
        ruleset = Ruleset.load(rules);
        long compileMs = (System.nanoTime() - started) / 1_000_000;
        facts = BenchCustomers.byName(customer);
        Evaluation evaluation = evaluateOnce();
        List<String> signs = evaluation.all(ChurnSign.class).stream().map(ChurnSign::getCode).sorted().toList();
        List<String> actions = evaluation.all(ActionCandidate.class).stream().map(ActionCandidate::getCode).sorted().toList();
        List<String> refusals = evaluation.all(ContactRefusal.class).stream().map(ContactRefusal::getCode).sorted().toList();
        boolean asNamed = switch (customer) {
            case "quiet" -> signs.isEmpty() && refusals.isEmpty();
            case "drifting" -> signs.size() >= 3 && refusals.isEmpty();
            case "overContacted" -> refusals.contains("CONTACT_CAP");
            default -> false;
        };
        System.out.printf("%n[bench] ruleset %s (%d rules) compiled from %s in %d ms; customer %s: %d rules fired, %d outcomes,"
                        + " signs %s, actions %s, contact refusals %s%n",
                ruleset.version(), ruleset.ruleNames().size(), rules.toAbsolutePath(), compileMs, customer,
                evaluation.firedRules().size(), evaluation.outcomes().size(), signs, actions, refusals);
        if (!asNamed) {
            throw new IllegalStateException("bench customer '" + customer + "' no longer draws the conclusions it is named for"
                    + " (signs " + signs + ", refusals " + refusals + "): adjust BenchCustomers to the current rules");
        }
    }

    /** The benchmarked operation: exactly the call the service makes, facts.forRules() plus the advice's intent. */
    @Benchmark
    public Evaluation evaluate(CpuClock clock) {
        clock.operations++;
        return evaluateOnce();
    }

    private Evaluation evaluateOnce() {
        List<Object> all = new ArrayList<>(facts.forRules());
        all.add(ContactIntent.anyProactiveContact());
        return ruleset.evaluate(all, MAX_FIRINGS);
    }

    /**
     * The benchmark thread's own CPU time per operation, printed after each iteration: unlike the wall time JMH reports,
     * it hardly grows when other processes (a build next door) take the cores, so it tells the work one evaluation
     * costs on one core. It leaves out GC and the Drools JIT threads.
     */
    @State(Scope.Thread)
    public static class CpuClock {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        long operations;
        private long cpuStart;
        private long wallStart;

        @Setup(Level.Iteration)
        public void start() {
            operations = 0;
            cpuStart = THREADS.getCurrentThreadCpuTime();
            wallStart = System.nanoTime();
        }

        @TearDown(Level.Iteration)
        public void report() {
            long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
            long wall = System.nanoTime() - wallStart;
            System.out.printf(" [thread cpu %.1f us/op, %.0f%% of wall time]", cpu / 1e3 / Math.max(1, operations),
                    100.0 * cpu / Math.max(1, wall));
        }
    }
}
