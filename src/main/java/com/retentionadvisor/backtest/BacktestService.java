package com.retentionadvisor.backtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.retentionadvisor.advice.AdviceService;
import com.retentionadvisor.advice.AdviceView;
import com.retentionadvisor.facts.CustomerBase;
import com.retentionadvisor.facts.GlobalCondition;
import com.retentionadvisor.globalfacts.GlobalFactService;
import com.retentionadvisor.rules.RuleEngine;
import com.retentionadvisor.rules.Ruleset;
import com.retentionadvisor.rulesets.RuleFiles;
import com.retentionadvisor.jobs.RuleJob;
import com.retentionadvisor.jobs.RuleJobs;
import com.retentionadvisor.rulesets.RulesetService;

/**
 * Back-tests a ruleset, as a background job: every customer of the base evaluated as of a past cut-off, the risk
 * compared with what happened after it.
 */
@ApplicationScoped
public class BacktestService {

    public static final String KIND = "backtest";

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
    BacktestOutcomes outcomes;

    @Inject
    RuleJobs jobs;

    /**
     * Queues the back-test of the live ruleset ({@code candidateFiles} null) or of a candidate: the files sent laid
     * over the live rules, which must compile (422 otherwise).
     */
    public RuleJob start(BacktestRequest request, RuleFiles candidateFiles) {
        Ruleset ruleset = candidateFiles == null ? engine.live() : rulesets.compileJobCandidate(candidateFiles, "send none to back-test the live ruleset");
        boolean candidate = candidateFiles != null;
        List<GlobalCondition> conditions = globalFacts.conditionsKnownAt(request.cutoff());
        return jobs.start(KIND, job -> run(job, request, ruleset, candidate, conditions));
    }

    private BacktestReport run(RuleJob job, BacktestRequest request, Ruleset ruleset, boolean candidate,
            List<GlobalCondition> conditions) {
        Map<String, CustomerOutcome> base = outcomes.of(request.cutoff(), request.until(), request.outcome());
        List<ScoredCustomer> scored = new ArrayList<>();
        customerBase.walk(request.cutoff(), null, job, facts -> {
            CustomerOutcome outcome = base.get(facts.getCustomerId());
            // A customer pushed while the back-test runs is not part of the base it took.
            if (outcome == null || outcome.excluded()) {
                return;
            }
            AdviceView.Risk risk = advice.advise(ruleset, facts, conditions, Locale.ENGLISH).risk();
            scored.add(new ScoredCustomer(facts.getCustomerId(), risk.score(), risk.level(),
                    risk.signs().stream().map(AdviceView.Sign::code).collect(Collectors.toSet()),
                    risk.strengths().stream().map(AdviceView.Sign::code).collect(Collectors.toSet()), outcome.positive()));
        });
        return BacktestReport.of(request, ruleset.version(), candidate, base.values(), new BacktestMetrics(scored), conditions);
    }
}
