package com.retentionadvisor.advice;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.retentionadvisor.customers.RelationshipStage;
import com.retentionadvisor.rules.RiskLevel;

/** The answer to "what is this customer's risk and what should we do?" — every part names the rule behind it. */
public record AdviceView(
        String customerId,
        Instant asOf,
        Risk risk,
        RelationshipStage stage,
        String stageRule,
        Value customerValue,
        List<Action> actions,
        List<SuppressedAction> suppressed,
        ContactDecision contact,
        CrmNotices crmNotices,
        String rulesetVersion,
        List<String> firedRules) {

    /** score = the signs' weights less the strengths' weights (never below 0), as the rules computed it. */
    /** score = basePoints + the signs' weights − the strengths' weights, never below 0 (risk-levels/score.drl). */
    public record Risk(int score, int basePoints, RiskLevel level, String levelRule, List<Sign> signs, List<Sign> strengths) {
    }

    /** A churn sign or strength: rule is the one that found it, weightRule the row of the weights table that gave its weight. */
    public record Sign(String code, int weight, String evidence, String rule, String weightRule) {
    }

    /**
     * rank = priority × the customer value's weight: comparable across customers. owner: MANAGER (the customer's
     * account manager) or a team; due within dueInDays; both from the action terms (routingRule).
     */
    public record Action(String code, String title, String purpose, int priority, int rank, String reason, String rule,
            String owner, Integer dueInDays, String routingRule) {
    }

    public record Value(String tier, double weight, String rule) {
    }

    /** An action the rules found but that waits: rule is the one that held it back (null when the action has no terms). */
    public record SuppressedAction(String code, String title, String reason, String rule) {
    }

    /**
     * What the CRM is told of at once (rules/notifications): a rise of the risk level to riskRise.atLeast or above,
     * and which of the proposed actions, when they become new recommendations. Null in advice stored before.
     */
    public record CrmNotices(RiskRise riskRise, List<ActionNotice> actions) {

        public record RiskRise(RiskLevel atLeast, String rule) {
        }

        public record ActionNotice(String code, String rule) {
        }

        /** Whether a change of level from {@code before} (null: never evaluated) to {@code now} is one to tell. */
        public boolean tellsRise(RiskLevel before, RiskLevel now) {
            return riskRise != null && now != null && now.compareTo(riskRise.atLeast()) >= 0
                    && (before == null || now.compareTo(before) > 0);
        }

        /** The notice for an action code, if the CRM is told of it. */
        public Optional<ActionNotice> forAction(String code) {
            return actions.stream().filter(notice -> notice.code().equals(code)).findFirst();
        }
    }
}
