package com.retentionadvisor.operations;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;

/**
 * The advisor's own metrics, in one place and named after the business; Prometheus reads them at /q/metrics. Only
 * answers given with the live ruleset count: simulations, back-tests and scenario runs are what-ifs and count nowhere.
 */
@Startup
@ApplicationScoped
public class AdvisorMetrics {

    private final MeterRegistry registry;
    private final TransactionSynchronizationRegistry transactions;
    private final Timer advice;
    private final Timer evaluation;
    private final MultiGauge liveRuleset;
    // The share done of the batch evaluation running now, or of the last one: what the progress gauge reads.
    private volatile DoubleSupplier batchProgress = () -> 0;
    private final Map<String, Counter> firings = new ConcurrentHashMap<>();

    @Inject
    AdvisorMetrics(MeterRegistry registry, TransactionSynchronizationRegistry transactions) {
        this.registry = registry;
        this.transactions = transactions;
        this.advice = latency("retention.advice", "Advice given to a reader (API or customer card): facts, rules and answer");
        this.evaluation = latency("retention.evaluation", "One customer evaluated: advice stored and recommendations brought in line");
        this.liveRuleset = MultiGauge.builder("retention.ruleset.info")
                .description("The ruleset version serving now (value 1, the version as a label)")
                .register(registry);
        Gauge.builder("retention.batch.evaluation.progress", this, AdvisorMetrics::batchProgress)
                .description("Share of the customers done by the running batch evaluation (or the last one), 0 to 1")
                .register(registry);
    }

    /** An advice given to a reader: its time, and each rule it names as fired. */
    public void adviceGiven(List<String> firedRules, long nanos) {
        advice.record(nanos, TimeUnit.NANOSECONDS);
        ruleFirings(firedRules);
    }

    /** A customer evaluated (batch, after an ingest, or asked over the API): its time, and each rule that fired. */
    public void customerEvaluated(List<String> firedRules, long nanos) {
        evaluation.record(nanos, TimeUnit.NANOSECONDS);
        ruleFirings(firedRules);
    }

    /** A contact check answered: each rule that fired, and each rule that refused the contact. */
    public void contactChecked(List<String> firedRules, List<String> refusingRules) {
        ruleFirings(firedRules);
        count("retention.contact.checks", "Contact checks answered, by whether the contact was allowed", 1,
                "allowed", String.valueOf(refusingRules.isEmpty()));
        refusingRules.forEach(rule -> count("retention.contact.refusals", "Contacts refused, by the rule that refused", 1, "rule", rule));
    }

    /** The items of a batch by what happened to them, counted once the batch is committed. */
    public void batchIngested(String kind, Map<? extends Enum<?>, Integer> itemsByResult) {
        afterCommit(() -> itemsByResult.forEach((result, items) -> {
            if (items > 0) {
                count("retention.ingest.items", "Items of committed ingest batches, by kind and what happened to them", items,
                        "kind", kind, "result", result.name().toLowerCase());
            }
        }));
    }

    /** The ruleset that serves from now on: the version label moves to it. */
    public void rulesetLive(String version) {
        liveRuleset.register(List.of(MultiGauge.Row.of(Tags.of("version", version), 1)), true);
    }

    /**
     * Runs a batch evaluation with its progress (the share of the customers done, 0 to 1) shown and its whole duration
     * timed, by how it ended: done, cancelled (when {@code cancelled} says so at the end) or failed.
     */
    public <T> T batchEvaluation(DoubleSupplier progress, BooleanSupplier cancelled, Supplier<T> work) {
        batchProgress = progress;
        long started = System.nanoTime();
        String outcome = "failed";
        try {
            T report = work.get();
            outcome = cancelled.getAsBoolean() ? "cancelled" : "done";
            return report;
        } finally {
            Timer.builder("retention.batch.evaluation")
                    .description("A whole batch evaluation of the customer base")
                    .tag("outcome", outcome)
                    .register(registry)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    /** An evaluation stopped past its budget (time or firings): one customer got no advice from that ruleset. */
    public void rulesOverBudget(String rulesetVersion) {
        count("retention.rules.over.budget", "Evaluations stopped past their time or firing budget", 1, "ruleset", rulesetVersion);
    }

    /** Customers evaluated by a batch evaluation (a page of them at a time). */
    public void customersEvaluatedInBatch(int customers) {
        count("retention.batch.evaluation.customers", "Customers evaluated by batch evaluations", customers);
    }

    private double batchProgress() {
        return batchProgress.getAsDouble();
    }

    // A counter per rule, made once: looking a meter up by its name and tags on every answer costs more than the answer's rules.
    private void ruleFirings(List<String> firedRules) {
        firedRules.forEach(rule -> firings.computeIfAbsent(rule, name -> Counter.builder("retention.rule.firings")
                .description("Answers with the live ruleset that each rule fired in").tags("rule", name).register(registry)).increment());
    }

    private void count(String name, String description, double amount, String... tags) {
        Counter.builder(name).description(description).tags(tags).register(registry).increment(amount);
    }

    private Timer latency(String name, String description) {
        return Timer.builder(name)
                .description(description)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    // Counted only if the caller's transaction commits; at once when there is none.
    private void afterCommit(Runnable count) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            count.run();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    count.run();
                }
            }
        });
    }
}
