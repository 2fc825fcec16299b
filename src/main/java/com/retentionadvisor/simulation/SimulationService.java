package com.retentionadvisor.simulation;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.retentionadvisor.advice.AdviceService;
import com.retentionadvisor.facts.CustomerBase;
import com.retentionadvisor.facts.GlobalCondition;
import com.retentionadvisor.globalfacts.GlobalFactService;
import com.retentionadvisor.jobs.RuleJob;
import com.retentionadvisor.jobs.RuleJobs;
import com.retentionadvisor.rules.RuleEngine;
import com.retentionadvisor.rules.Ruleset;
import com.retentionadvisor.rulesets.RuleFiles;
import com.retentionadvisor.rulesets.RulesetService;

/** Simulates a candidate ruleset on the stored customer base beside the live one, as a background job. */
@ApplicationScoped
public class SimulationService {

    static final String KIND = "simulation";
    static final int MAX_SAMPLE = 1_000_000;

    @Inject
    RulesetService rulesets;

    @Inject
    RuleEngine engine;

    @Inject
    AdviceService advice;

    @Inject
    GlobalFactService globalFacts;

    @Inject
    CustomerBase customerBase;

    @Inject
    RuleJobs jobs;

    /**
     * Compiles the candidate (the files sent laid over the live rules) and queues its simulation over every customer,
     * or a stable sample of {@code sample} customers, as of {@code asOf}. A candidate that does not compile is a 422.
     */
    public RuleJob simulate(RuleFiles files, Instant asOf, Integer sample) {
        Ruleset candidate = rulesets.compileJobCandidate(files, "nothing to simulate");
        Ruleset live = engine.live();
        List<GlobalCondition> conditions = globalFacts.activeConditions();
        return jobs.start(KIND, job -> {
            Simulation simulation = new Simulation(live.version(), candidate.version(), asOf);
            customerBase.walk(asOf, sample, job, facts -> simulation.add(
                    advice.advise(live, facts, conditions, Locale.ENGLISH),
                    advice.advise(candidate, facts, conditions, Locale.ENGLISH)));
            return simulation.report();
        });
    }
}
