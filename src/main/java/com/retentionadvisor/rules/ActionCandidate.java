package com.retentionadvisor.rules;

import java.util.List;

import com.retentionadvisor.contacts.Purpose;

/** An action the rules propose to the account manager, with its priority (higher first) and the reason for it. */
public final class ActionCandidate extends RuleOutcome {

    private final String code;
    private final Purpose purpose;
    private final int priority;
    private final String reasonCode;
    private final List<Object> reasonArgs;

    /** The reason fills reason.{reasonCode} in the messages, e.g. reason.STAGE_FIT = "Fits the {0} stage". */
    public ActionCandidate(String code, Purpose purpose, int priority, String reasonCode, Object... reasonArgs) {
        this.code = code;
        this.purpose = purpose;
        this.priority = priority;
        this.reasonCode = reasonCode;
        this.reasonArgs = List.of(reasonArgs);
    }

    public String getCode() {
        return code;
    }

    public Purpose getPurpose() {
        return purpose;
    }

    public int getPriority() {
        return priority;
    }

    public String getReasonCode() {
        return reasonCode;
    }

    public List<Object> getReasonArgs() {
        return reasonArgs;
    }

    /** Whether carrying it out means a contact we start on our own, which contact limits may forbid. */
    public boolean isProactive() {
        return purpose.isProactive();
    }
}
