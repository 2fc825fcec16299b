package com.retentionadvisor.rules;

import java.util.List;

/** A sign that the relationship is healthy (seed 000): it lowers the risk score by its weight. */
public final class Strength extends RuleOutcome {

    private final String code;
    private final int weight;
    private final List<Object> evidence;

    /** The evidence values fill the strength's message, e.g. strength.PROMOTER = "The latest NPS answer was {0}". */
    public Strength(String code, int weight, Object... evidence) {
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

    public List<Object> getEvidence() {
        return evidence;
    }
}
