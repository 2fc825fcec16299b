package com.retentionadvisor.rules;

import java.util.List;

/** Something the rules read in a customer's history, worth some points, with the numbers behind it. */
public abstract class Sign extends RuleOutcome {

    private final String code;
    private final int weight;
    private final List<Object> evidence;

    protected Sign(String code, int weight, Object... evidence) {
        this.code = code;
        this.weight = weight;
        this.evidence = List.of(evidence);
    }

    public String getCode() {
        return code;
    }

    public int getWeight() {
        return weight;
    }

    /** The values that fill the sign's message, in order. */
    public List<Object> getEvidence() {
        return evidence;
    }
}
