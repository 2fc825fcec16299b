package com.retentionadvisor.rules;

import java.util.List;

/** A contact policy says no to the contact being checked, with the numbers behind it. */
public final class ContactRefusal extends RuleOutcome {

    private final String code;
    private final List<Object> evidence;

    /** The evidence values fill refusal.{code} in the messages. */
    public ContactRefusal(String code, Object... evidence) {
        this.code = code;
        this.evidence = List.of(evidence);
    }

    public String getCode() {
        return code;
    }

    public List<Object> getEvidence() {
        return evidence;
    }
}
