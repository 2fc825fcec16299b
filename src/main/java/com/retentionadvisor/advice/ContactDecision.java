package com.retentionadvisor.advice;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Whether a contact may be made now; when not, every rule that refused it and why, with the numbers, and when every
 * refusal lapses if they all say (retryAfter: the end of quiet hours, of a quiet period, of a fatigue pause, or of a cap's hold as its
 * oldest contacts leave the window; none while a pause or an open complaint holds the contact back) — the moment a CRM
 * may schedule it for, to be checked again then.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactDecision(boolean allowed, List<Reason> reasons, Instant retryAfter, String rulesetVersion) {

    /**
     * One refusal: the rule, its code and its message; for a cap also the cap's row, the count, the limit and the window counted
     * (start and end: for a rolling window the check itself, for a calendar one the next period's start); and when
     * this refusal lapses, if it can say.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reason(String rule, String code, String message,
                         @Schema(description = "The cap reached: the name of its row in contact-policy/caps-by-segment.drl.xlsx")
                         String cap, Integer count, Integer limit,
                         @Schema(description = "Where the cap's window starts: N days before the check, or the calendar period's start on the contacted person's clock")
                         Instant windowStart,
                         @Schema(description = "Where the cap's window ends: the check itself for a rolling window, the next calendar period's start")
                         Instant windowEnd,
                         @Schema(description = "When this refusal lapses, if it can say")
                         Instant retryAfter) {

        public Reason(String rule, String code, String message) {
            this(rule, code, message, null, null, null, null, null, null);
        }
    }
}
