package com.retentionadvisor.rules;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Something the rules read in a customer's history, with the numbers behind it. Its points come from the weights table
 * (risk-levels/sign-weights.drl.csv), whose row for the sign's code sets them; a sign without a row weighs nothing.
 */
public abstract class Sign extends RuleOutcome {

    private final String code;
    private final List<Object> evidence;
    private int weight;
    private String weightRule;

    protected Sign(String code, Object... evidence) {
        this.code = code;
        // Arrays.asList, not List.of: a value may be unknown (null) and still be shown.
        this.evidence = Collections.unmodifiableList(Arrays.asList(evidence.clone()));
    }

    public String getCode() {
        return code;
    }

    /** The points the weights table gives the sign; 0 until a row of that table weighs it. */
    public int getWeight() {
        return weight;
    }

    /** Called by a row of the weights table, as {@code modify($sign) { setWeight(points) }}. */
    public void setWeight(int points) {
        this.weight = points;
    }

    /** The rule (a row of the weights table) that gave the sign its points; null if none did. */
    public String getWeightRule() {
        return weightRule;
    }

    void weighedBy(String ruleName) {
        weightRule = ruleName;
    }

    /** The values that fill the sign's message, in order. */
    public List<Object> getEvidence() {
        return evidence;
    }
}
