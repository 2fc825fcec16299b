package com.retentionadvisor.rules;

import java.util.List;

/** A proposed action that a policy forbids now, with the reason; it is shown under "suppressed", not dropped silently. */
public final class ActionSuppression extends RuleOutcome {

    private final String actionCode;
    private final String reasonCode;
    private final List<Object> reasonArgs;

    public ActionSuppression(String actionCode, String reasonCode, Object... reasonArgs) {
        this.actionCode = actionCode;
        this.reasonCode = reasonCode;
        this.reasonArgs = List.of(reasonArgs);
    }

    public String getActionCode() {
        return actionCode;
    }

    public String getReasonCode() {
        return reasonCode;
    }

    public List<Object> getReasonArgs() {
        return reasonArgs;
    }
}
