package com.retentionadvisor.rules;

import java.util.List;

/** What one run of the ruleset over one customer's facts concluded, and which rules fired. */
public record Evaluation(String rulesetVersion, List<RuleOutcome> outcomes, List<String> firedRules) {

    public <T extends RuleOutcome> List<T> all(Class<T> type) {
        return outcomes.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
