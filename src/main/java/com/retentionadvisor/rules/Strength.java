package com.retentionadvisor.rules;

/** A sign that the relationship is healthy (seed 000); its points are taken off the risk score. Text: strength.CODE. */
public final class Strength extends Sign {

    public Strength(String code, Object... evidence) {
        super(code, evidence);
    }
}
