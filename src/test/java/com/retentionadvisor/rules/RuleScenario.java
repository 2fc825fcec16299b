package com.retentionadvisor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.retentionadvisor.customers.CustomerStatus;
import com.retentionadvisor.customers.RelationshipStage;
import com.retentionadvisor.facts.CustomerFacts;

/**
 * Runs scenarios through the real rule files under rules/ (compiled once for all scenario tests) and reads what
 * they concluded. No Quarkus, no database: facts are built by hand from sensible defaults.
 */
final class RuleScenario {

    /** The instant scenario facts are computed for. */
    static final Instant AS_OF = Instant.parse("2026-06-30T12:00:00Z");

    private static final int MAX_FIRINGS = 10_000;

    private RuleScenario() {
    }

    // Holder idiom: the ruleset compiles on first use, once per test JVM, and every scenario shares it.
    private static final class Compiled {
        static final Ruleset RULESET = Ruleset.load(Path.of("rules"));
    }

    static Ruleset ruleset() {
        return Compiled.RULESET;
    }

    /** An active SMB customer of 400 days who orders steadily: no churn sign, inferred stage EXPANSION, no contacts. */
    static CustomerFacts.Builder aCustomer() {
        return CustomerFacts.builder()
                .customerId("C-1")
                .segment("SMB")
                .status(CustomerStatus.ACTIVE)
                .asOf(AS_OF)
                .tenureDays(400)
                .daysSinceLastOrder(20)
                .ordersTotal(5)
                .ordersLastPeriod(2)
                .ordersPreviousPeriod(2);
    }

    /** Evaluates the customer's facts plus any other facts (a contact being checked, …). */
    static Evaluation evaluate(CustomerFacts.Builder customer, Object... more) {
        List<Object> facts = new ArrayList<>(customer.build().forRules());
        facts.addAll(List.of(more));
        return ruleset().evaluate(facts, MAX_FIRINGS);
    }

    // --- churn signs and risk ---

    static List<String> signCodes(Evaluation evaluation) {
        return sorted(evaluation.all(ChurnSign.class), ChurnSign::getCode);
    }

    static ChurnSign onlySign(Evaluation evaluation) {
        return only(evaluation.all(ChurnSign.class), "churn sign");
    }

    /** The risk score: the sum of the weights of the signs that fired. */
    static int riskScore(Evaluation evaluation) {
        return evaluation.all(ChurnSign.class).stream().mapToInt(ChurnSign::getWeight).sum();
    }

    static RiskAssessment onlyRiskAssessment(Evaluation evaluation) {
        return only(evaluation.all(RiskAssessment.class), "risk assessment");
    }

    static RiskLevel riskLevel(Evaluation evaluation) {
        return onlyRiskAssessment(evaluation).getLevel();
    }

    // --- stage ---

    static StageAssessment onlyStageAssessment(Evaluation evaluation) {
        return only(evaluation.all(StageAssessment.class), "stage assessment");
    }

    static RelationshipStage stage(Evaluation evaluation) {
        return onlyStageAssessment(evaluation).getStage();
    }

    // --- actions ---

    static List<String> actionCodes(Evaluation evaluation) {
        return sorted(evaluation.all(ActionCandidate.class), ActionCandidate::getCode);
    }

    /** The codes of the actions proposed for a reason, e.g. STAGE_FIT for the decision table's. */
    static List<String> actionCodes(Evaluation evaluation, String reasonCode) {
        return sorted(evaluation.all(ActionCandidate.class).stream().filter(a -> a.getReasonCode().equals(reasonCode)).toList(),
                ActionCandidate::getCode);
    }

    static ActionCandidate onlyAction(Evaluation evaluation, String code) {
        return only(evaluation.all(ActionCandidate.class).stream().filter(a -> a.getCode().equals(code)).toList(),
                "action candidate " + code);
    }

    static List<String> suppressedActionCodes(Evaluation evaluation) {
        return sorted(evaluation.all(ActionSuppression.class), ActionSuppression::getActionCode);
    }

    static List<String> suppressedActionCodes(Evaluation evaluation, String reasonCode) {
        return sorted(evaluation.all(ActionSuppression.class).stream().filter(s -> s.getReasonCode().equals(reasonCode)).toList(),
                ActionSuppression::getActionCode);
    }

    static ActionSuppression onlySuppression(Evaluation evaluation, String actionCode) {
        return only(evaluation.all(ActionSuppression.class).stream().filter(s -> s.getActionCode().equals(actionCode)).toList(),
                "suppression of " + actionCode);
    }

    // --- contact refusals ---

    static List<String> refusalCodes(Evaluation evaluation) {
        return sorted(evaluation.all(ContactRefusal.class), ContactRefusal::getCode);
    }

    static ContactRefusal onlyRefusal(Evaluation evaluation) {
        return only(evaluation.all(ContactRefusal.class), "contact refusal");
    }

    private static <T> List<String> sorted(List<T> outcomes, Function<T, String> code) {
        return outcomes.stream().map(code).sorted().toList();
    }

    private static <T> T only(List<T> outcomes, String what) {
        assertEquals(1, outcomes.size(), () -> "expected exactly one " + what + " but got " + outcomes.size());
        return outcomes.get(0);
    }
}
