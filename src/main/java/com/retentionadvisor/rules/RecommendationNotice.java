package com.retentionadvisor.rules;

/** The CRM is told at once when this action becomes a new recommendation (set in rules/notifications). */
public final class RecommendationNotice extends RuleOutcome {

    private final String actionCode;

    public RecommendationNotice(String actionCode) {
        this.actionCode = actionCode;
    }

    public String getActionCode() {
        return actionCode;
    }
}
