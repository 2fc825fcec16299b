package com.retentionadvisor.advice;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Whether a contact may be made now; when not, every rule that refused it and why, with the numbers, and when every
 * refusal lapses if they all say (retryAfter: the end of quiet hours, of a quiet period, of a fatigue pause, or of a cap's hold as its
 * oldest contacts leave the window; none while a pause or an open complaint holds the contact back) — the moment a CRM
 * may schedule it for, to be checked again then.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactDecision(boolean allowed, List<Reason> reasons, Instant retryAfter, String rulesetVersion) {

    public record Reason(String rule, String code, String message) {
    }
}
