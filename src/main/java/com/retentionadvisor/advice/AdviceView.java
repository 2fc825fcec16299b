package com.retentionadvisor.advice;

import java.time.Instant;
import java.util.List;

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
        String rulesetVersion,
        List<String> firedRules) {

    /** score = the signs' weights less the strengths' weights (never below 0), as the rules computed it. */
    public record Risk(int score, RiskLevel level, String levelRule, List<Sign> signs, List<Sign> strengths) {
    }

    public record Sign(String code, int weight, String evidence, String rule) {
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

    public record SuppressedAction(String code, String title, String reason, String rule) {
    }
}
