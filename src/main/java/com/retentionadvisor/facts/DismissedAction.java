package com.retentionadvisor.facts;

/** A manager dismissed this action for the customer {@code daysAgo} days ago (the latest dismissal of its code). */
public record DismissedAction(String actionCode, int daysAgo) {

    // Drools reads facts through getters.
    public String getActionCode() {
        return actionCode;
    }

    public int getDaysAgo() {
        return daysAgo;
    }
}
