package com.retentionadvisor.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.retentionadvisor.facts.CustomerFacts;
import com.retentionadvisor.facts.GlobalCondition;
import com.retentionadvisor.operations.AdvisorMetrics;
import com.retentionadvisor.problems.RulesOverBudgetException;

/**
 * Holds the live ruleset and runs it. A new ruleset is warmed up first and then swapped in at once: an evaluation
 * that has taken a ruleset finishes on it, the next one gets the new one. Knows only fact and outcome classes, never
 * the store: which ruleset is live is decided by the rulesets service.
 */
@ApplicationScoped
public class RuleEngine {

    private static final Logger LOG = Logger.getLogger(RuleEngine.class);

    @Inject
    RulesConfig config;

    @Inject
    AdvisorMetrics metrics;

    private volatile Ruleset live;

    /** The ruleset in force; compiled from the rules folder on first use when none was put live yet. */
    public Ruleset live() {
        Ruleset ruleset = live;
        if (ruleset == null) {
            synchronized (this) {
                if (live == null) {
                    live = warmedUp(compileFolder());
                }
                ruleset = live;
            }
        }
        return ruleset;
    }

    /** Compiles the rules folder; fails with every problem found, file and line. */
    public Ruleset compileFolder() {
        Path folder = Path.of(config.dir());
        long started = System.nanoTime();
        Ruleset ruleset = Ruleset.load(folder);
        LOG.infof("Ruleset %s compiled from %s in %d ms: %d rules", ruleset.version(), folder.toAbsolutePath(),
                (System.nanoTime() - started) / 1_000_000, ruleset.ruleNames().size());
        return ruleset;
    }

    /** Warms the ruleset up, then makes it the live one; evaluations already running finish on the previous one. */
    public void serve(Ruleset ruleset) {
        Ruleset ready = warmedUp(ruleset);
        synchronized (this) {
            live = ready;
        }
    }

    /** Runs the live ruleset over one customer's facts, the active global conditions and the contact being checked. */
    public Evaluation evaluate(CustomerFacts facts, List<GlobalCondition> conditions, ContactIntent intent) {
        return evaluate(live(), facts, conditions, intent);
    }

    /** Runs the given ruleset (the live one taken once, or a candidate) over one customer's facts. */
    public Evaluation evaluate(Ruleset ruleset, CustomerFacts facts, List<GlobalCondition> conditions, ContactIntent intent) {
        List<Object> all = new ArrayList<>(facts.forRules());
        all.addAll(conditions);
        all.add(intent);
        try {
            return ruleset.evaluate(all, config.maxFirings(), config.timeBudget());
        } catch (RulesOverBudgetException e) {
            if (ruleset == live) { // a candidate's trouble (a simulation, a back-test, the warm-up) is its job's to report
                metrics.rulesOverBudget(ruleset.version());
            }
            LOG.warnf("Customer %s: %s", facts.getCustomerId(), e.getMessage());
            throw e;
        }
    }

    // The first evaluations of a new ruleset are slow (Drools and the JIT compile constraints on first use): run a few
    // before it serves, so that the first customers do not queue for the database behind them.
    private Ruleset warmedUp(Ruleset ruleset) {
        long started = System.nanoTime();
        List<CustomerFacts> samples = List.of(
                CustomerFacts.builder().customerId("warm-up").segment("*").tenureDays(400).ordersTotal(5).build(),
                CustomerFacts.builder().customerId("warm-up").segment("*").tenureDays(900).ordersTotal(20)
                        .ordersPreviousPeriod(4).ordersLastPeriod(1).latestNps(3).daysSinceLastSurvey(2)
                        .unopenedEmailStreak(4).openComplaints(1).build());
        try {
            for (int round = 0; round < 200; round++) {
                for (CustomerFacts sample : samples) {
                    evaluate(ruleset, sample, List.of(), ContactIntent.anyProactiveContact());
                }
            }
        } catch (RulesOverBudgetException e) {
            LOG.warnf("Ruleset %s was not warmed up: %s", ruleset.version(), e.getMessage());
        }
        LOG.infof("Ruleset %s warmed up in %d ms", ruleset.version(), (System.nanoTime() - started) / 1_000_000);
        return ruleset;
    }
}
