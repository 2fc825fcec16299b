package com.retentionadvisor.rules;

import java.util.List;

/** A sign that the customer is drifting away, with its weight in the risk score and the numbers behind it. */
public final class ChurnSign extends RuleOutcome {

    private final String code;
    private final int weight;
    private final List<Object> evidence;

    /** The evidence values fill the sign's message, e.g. sign.EMAILS_UNOPENED = "The last {0} emails were not opened". */
    public ChurnSign(String code, int weight, Object... evidence) {
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
