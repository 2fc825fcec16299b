package com.retentionadvisor.facts;

/** An active global fact as the rules see it, e.g. GlobalCondition(name == "MARKET_CRISIS"). */
public final class GlobalCondition {

    private final String name;

    public GlobalCondition(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }
}
