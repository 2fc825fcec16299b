package com.retentionadvisor.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import com.retentionadvisor.facts.CustomerFacts;
import com.retentionadvisor.facts.GlobalCondition;

/**
 * The live ruleset, compiled from the rules folder at startup. A rule file that does not compile stops the start
 * with the file, the line and the compiler's message. Knows only fact and outcome classes, never the store.
 */
@ApplicationScoped
public class RuleEngine {

    private static final Logger LOG = Logger.getLogger(RuleEngine.class);

    @Inject
    RulesConfig config;

    private volatile Ruleset live;

    void onStart(@Observes StartupEvent event) {
        warmUp(live());
    }

    // The first evaluations of a new ruleset are slow (Drools and the JIT compile constraints on first use): run a few
    // before the service takes requests, so that the first customers do not queue for the database behind them.
    private void warmUp(Ruleset ruleset) {
        long started = System.nanoTime();
        List<CustomerFacts> samples = List.of(
                CustomerFacts.builder().customerId("warm-up").segment("*").tenureDays(400).ordersTotal(5).build(),
                CustomerFacts.builder().customerId("warm-up").segment("*").tenureDays(900).ordersTotal(20)
                        .ordersPreviousPeriod(4).ordersLastPeriod(1).latestNps(3).daysSinceLastSurvey(2)
                        .unopenedEmailStreak(4).openComplaints(1).build());
        for (int round = 0; round < 200; round++) {
            for (CustomerFacts sample : samples) {
                List<Object> facts = new ArrayList<>(sample.forRules());
                facts.add(ContactIntent.anyProactiveContact());
                ruleset.evaluate(facts, config.maxFirings());
            }
        }
        LOG.infof("Ruleset %s warmed up in %d ms", ruleset.version(), (System.nanoTime() - started) / 1_000_000);
    }

    /** The ruleset in force, compiled on first use. */
    public Ruleset live() {
        Ruleset ruleset = live;
        if (ruleset == null) {
            synchronized (this) {
                if (live == null) {
                    Path folder = Path.of(config.dir());
                    long started = System.nanoTime();
                    live = Ruleset.load(folder);
                    LOG.infof("Ruleset %s compiled from %s in %d ms: %d rules", live.version(), folder.toAbsolutePath(),
                            (System.nanoTime() - started) / 1_000_000, live.ruleNames().size());
                }
                ruleset = live;
            }
        }
        return ruleset;
    }

    /** Runs the live ruleset over one customer's facts, the active global conditions and the contact being checked. */
    public Evaluation evaluate(CustomerFacts facts, List<GlobalCondition> conditions, ContactIntent intent) {
        List<Object> all = new ArrayList<>(facts.forRules());
        all.addAll(conditions);
        all.add(intent);
        return live().evaluate(all, config.maxFirings());
    }
}
