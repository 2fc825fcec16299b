package com.retentionadvisor.facts;

/**
 * An action set aside for the customer in the year before the as-of instant: dismissed by a manager or left to expire
 * undone, {@code times} times, the latest {@code daysAgo} days ago.
 */
public record ActionSetAside(String actionCode, int times, int daysAgo) {

    // Drools reads facts through getters.
    public String getActionCode() {
        return actionCode;
    }

    public int getTimes() {
        return times;
    }

    public int getDaysAgo() {
        return daysAgo;
    }
}
