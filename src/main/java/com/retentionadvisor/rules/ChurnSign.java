package com.retentionadvisor.rules;

/** A sign that the customer is drifting away; its points add to the risk score. Text: sign.CODE in the messages. */
public final class ChurnSign extends Sign {

    public ChurnSign(String code, Object... evidence) {
        super(code, evidence);
    }
}
