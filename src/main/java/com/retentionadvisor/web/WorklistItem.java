package com.retentionadvisor.web;

import java.time.Instant;

import com.retentionadvisor.customers.RelationshipStage;
import com.retentionadvisor.recommendations.RecommendationStatus;
import com.retentionadvisor.rules.RiskLevel;

/**
 * An open recommendation as the manager page shows it: the title in the reader's language where the rules have one;
 * ownerTeam when a team rather than the account manager owns it.
 */
public record WorklistItem(long id, String customerId, String customerName, String actionCode, String title,
        String reason, String ownerTeam, RiskLevel level, RelationshipStage stage, RecommendationStatus status, int rank, Instant dueAt,
        boolean overdue) {
}
