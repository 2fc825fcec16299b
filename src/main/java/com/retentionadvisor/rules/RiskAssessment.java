package com.retentionadvisor.rules;

/** The risk level the rules give a customer's score. */
public final class RiskAssessment extends RuleOutcome {

    private final RiskLevel level;

    public RiskAssessment(RiskLevel level) {
        this.level = level;
    }

    public RiskLevel getLevel() {
        return level;
    }
}
