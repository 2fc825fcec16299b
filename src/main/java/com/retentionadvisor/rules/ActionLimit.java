package com.retentionadvisor.rules;

/** How many actions a customer's advice proposes at most a day; the rest wait, listed under "suppressed". */
public final class ActionLimit extends RuleOutcome {

    private final int maxPerDay;

    public ActionLimit(int maxPerDay) {
        this.maxPerDay = maxPerDay;
    }

    public int getMaxPerDay() {
        return maxPerDay;
    }
}
