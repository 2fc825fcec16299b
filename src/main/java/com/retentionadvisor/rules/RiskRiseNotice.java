package com.retentionadvisor.rules;

/** The CRM is told at once when a customer's risk level rises to this level or above (set in rules/notifications). */
public final class RiskRiseNotice extends RuleOutcome {

    private final RiskLevel atLeast;

    public RiskRiseNotice(RiskLevel atLeast) {
        this.atLeast = atLeast;
    }

    public RiskLevel getAtLeast() {
        return atLeast;
    }
}
