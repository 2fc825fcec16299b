package com.retentionadvisor.advice;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Whether a contact may be made now; when not, every rule that refused it and why, with the numbers. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactDecision(boolean allowed, List<Reason> reasons, String rulesetVersion) {

    public record Reason(String rule, String code, String message) {
    }
}
