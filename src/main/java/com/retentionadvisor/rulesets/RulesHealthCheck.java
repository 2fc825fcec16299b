package com.retentionadvisor.rulesets;

import com.retentionadvisor.problems.RuleProblem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import com.retentionadvisor.rules.RuleEngine;

/** The live ruleset's version; a candidate turned away is a warning, not a failure: the live ruleset still serves. */
@Readiness
@ApplicationScoped
public class RulesHealthCheck implements HealthCheck {

    @Inject
    RuleEngine engine;

    @Inject
    LiveRulesets liveRulesets;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder health = HealthCheckResponse.named("rules").up()
                .withData("version", engine.live().version());
        liveRulesets.lastRejection().ifPresent(rejected -> health
                .withData("warning", "a ruleset from " + rejected.attempt() + " at " + rejected.at()
                        + " was turned away; the live one keeps serving")
                .withData("problems", String.join("\n", rejected.problems().stream().map(RuleProblem::describe).toList())));
        return health.build();
    }
}
