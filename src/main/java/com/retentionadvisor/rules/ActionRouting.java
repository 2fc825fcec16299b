package com.retentionadvisor.rules;

/**
 * Who carries out a proposed action and by when: the customer's own manager ({@link #MANAGER}) or a team such as a
 * renewals desk, within so many days. Set by the action terms in rules/next-best-action.
 */
public final class ActionRouting extends RuleOutcome {

    /** The owner meaning "the customer's current account manager". */
    public static final String MANAGER = "MANAGER";

    private final String actionCode;
    private final String owner;
    private final int dueDays;

    public ActionRouting(String actionCode, String owner, int dueDays) {
        this.actionCode = actionCode;
        this.owner = owner;
        this.dueDays = dueDays;
    }

    public String getActionCode() {
        return actionCode;
    }

    public String getOwner() {
        return owner;
    }

    public int getDueDays() {
        return dueDays;
    }
}
