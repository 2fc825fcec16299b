package com.retentionadvisor.recommendations;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A recommendation as the API shows it: the work, for whom, why, by when, and where it is in its life. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecommendationView(long id, String customerId, String customerName, String actionCode, String title,
        String purpose, String ownerManagerId, String ownerTeam, RecommendationStatus status, int priority, int rank,
        String reason, String rule, String riskLevel, String stage, String rulesetVersion, Instant proposedAt,
        Instant dueAt, Instant updatedAt, Instant closedAt, DismissReason dismissReason, String note) {

    public static RecommendationView of(Recommendation r) {
        return new RecommendationView(r.id, r.customer.externalId, r.customer.name, r.actionCode, r.title,
                r.purpose.name(), r.ownerManager == null ? null : r.ownerManager.externalId, r.ownerTeam, r.status,
                r.priority, r.rank, r.reason, r.rule, r.riskLevel == null ? null : r.riskLevel.name(),
                r.stage == null ? null : r.stage.name(), r.rulesetVersion, r.proposedAt, r.dueAt, r.updatedAt,
                r.closedAt, r.dismissReason, r.note);
    }
}
