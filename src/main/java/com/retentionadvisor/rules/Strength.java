package com.retentionadvisor.rules;

/** A sign that the relationship is healthy (seed 000); its weight is taken off the risk score. Text: strength.CODE. */
public final class Strength extends Sign {

    public Strength(String code, int weight, Object... evidence) {
        super(code, weight, evidence);
    }
}
