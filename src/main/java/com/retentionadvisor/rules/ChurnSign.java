package com.retentionadvisor.rules;

/** A sign that the customer is drifting away; its weight adds to the risk score. Text: sign.CODE in the messages. */
public final class ChurnSign extends Sign {

    public ChurnSign(String code, int weight, Object... evidence) {
        super(code, weight, evidence);
    }
}
