package com.retentionadvisor.rules;

import static com.retentionadvisor.contacts.Channel.PHONE;
import static com.retentionadvisor.contacts.Direction.INBOUND;
import static com.retentionadvisor.contacts.Purpose.SERVICE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.retentionadvisor.customers.CustomerStatus;
import com.retentionadvisor.customers.RelationshipStage;
import com.retentionadvisor.facts.ContactCounts;
import com.retentionadvisor.facts.CustomerFacts;
import com.retentionadvisor.facts.GlobalCondition;

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

    /**
     * An active SMB customer of 400 days who orders steadily from one product line and gave feedback recently
     * (NPS 8 in a survey 30 days ago): no churn sign, no strength, inferred stage EXPANSION, no contacts, so no action
     * but its stage's rows of the decision table.
     */
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
                .ordersPreviousPeriod(2)
                .averageOrderValueLastPeriod(100)
                .averageOrderValuePreviousPeriod(100)
                .productLines(1)
                .latestNps(8)
                .daysSinceLastSurvey(30)
                .daysSinceLastFeedback(10);
    }

    /**
     * Inbound service calls: {@code earlier} of them 200 days ago (in the year, before this quarter), {@code thisQuarter}
     * of them 40 days ago. The contact-intensity rules compare this quarter with the average of the 3 quarters before.
     */
    static ContactCounts contactsEarlierInTheYearAndThisQuarter(int earlier, int thisQuarter) {
        return ContactCounts.builder()
                .happened(200, INBOUND, PHONE, SERVICE, earlier)
                .happened(40, INBOUND, PHONE, SERVICE, thisQuarter)
                .build();
    }

    /** Evaluates the customer's facts plus any other facts (a contact being checked, …), with no global condition. */
    static Evaluation evaluate(CustomerFacts.Builder customer, Object... more) {
        return evaluate(customer, List.of(), more);
    }

    /** Evaluates as the engine does: the customer's facts, the active global conditions, then the other facts. */
    static Evaluation evaluate(CustomerFacts.Builder customer, List<GlobalCondition> conditions, Object... more) {
        List<Object> facts = new ArrayList<>(customer.build().forRules());
        facts.addAll(conditions);
        facts.addAll(List.of(more));
        return ruleset().evaluate(facts, MAX_FIRINGS, java.time.Duration.ofSeconds(5));
    }

    // --- churn signs and risk ---

    static List<String> signCodes(Evaluation evaluation) {
        return sorted(evaluation.all(ChurnSign.class), ChurnSign::getCode);
    }

    static ChurnSign onlySign(Evaluation evaluation) {
        return only(evaluation.all(ChurnSign.class), "churn sign");
    }

    static List<String> strengthCodes(Evaluation evaluation) {
        return sorted(evaluation.all(Strength.class), Strength::getCode);
    }

    static Strength onlyStrength(Evaluation evaluation) {
        return only(evaluation.all(Strength.class), "strength");
    }

    static RiskScore onlyRiskScore(Evaluation evaluation) {
        return only(evaluation.all(RiskScore.class), "risk score");
    }

    /** The points of the one risk score the rules settled on. */
    static int riskScore(Evaluation evaluation) {
        return onlyRiskScore(evaluation).getPoints();
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

    static boolean proposes(Evaluation evaluation, String code) {
        return actionCodes(evaluation).contains(code);
    }

    static ActionCandidate onlyAction(Evaluation evaluation, String code) {
        return only(evaluation.all(ActionCandidate.class).stream().filter(a -> a.getCode().equals(code)).toList(),
                "action candidate " + code);
    }

    static ActionLimit onlyActionLimit(Evaluation evaluation) {
        return only(evaluation.all(ActionLimit.class), "action limit");
    }

    static CustomerValue onlyCustomerValue(Evaluation evaluation) {
        return only(evaluation.all(CustomerValue.class), "customer value");
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
