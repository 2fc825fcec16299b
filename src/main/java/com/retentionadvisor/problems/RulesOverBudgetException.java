package com.retentionadvisor.problems;

/**
 * The rules took more than their budget for one customer: longer than retention.rules.time-budget, or more firings
 * than retention.rules.max-firings (a rule that loops). Nothing is concluded for that customer and the service goes on:
 * one bad rule costs one customer's advice, never the service. Answered as 503 naming the ruleset version.
 */
public final class RulesOverBudgetException extends TryAgainLaterException {

    private final String rulesetVersion;

    public RulesOverBudgetException(String rulesetVersion, String what) {
        super("the rules of ruleset " + rulesetVersion + " " + what + " and were stopped; nothing was concluded."
                + " A rule may loop or be too slow on this customer's facts: roll back or correct the ruleset", 60);
        this.rulesetVersion = rulesetVersion;
    }

    public String rulesetVersion() {
        return rulesetVersion;
    }

    @Override
    int status() {
        return 503;
    }

    @Override
    String slug() {
        return "rules-over-budget";
    }

    @Override
    String title() {
        return "Rules over budget";
    }
}
