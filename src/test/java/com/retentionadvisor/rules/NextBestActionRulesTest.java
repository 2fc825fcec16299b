package com.retentionadvisor.rules;

import static com.retentionadvisor.rules.RuleScenario.aCustomer;
import static com.retentionadvisor.rules.RuleScenario.actionCodes;
import static com.retentionadvisor.rules.RuleScenario.evaluate;
import static com.retentionadvisor.rules.RuleScenario.onlyAction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.retentionadvisor.contacts.Purpose;
import com.retentionadvisor.customers.RelationshipStage;

/**
 * Scenarios for rules/next-best-action: every row of the decision table actions-by-stage.drl.csv, and every trigger
 * in triggers.drl. Stage actions are read by their reason STAGE_FIT, apart from what other rules may add.
 */
class NextBestActionRulesTest {

    // --- actions-by-stage.drl.csv: one case per row ---

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Awareness: show the value proposition          | AWARENESS   | VALUE_PROPOSITION         | VALUE  | 60
            Awareness: send educational content            | AWARENESS   | EDUCATIONAL_CONTENT       | VALUE  | 50
            Awareness: invite to a demo                    | AWARENESS   | DEMO_INVITATION           | SALES  | 55
            Exploration: onboarding and training           | EXPLORATION | ONBOARDING_TRAINING       | VALUE  | 70
            Exploration: answer the frequent questions     | EXPLORATION | ANSWER_FREQUENT_QUESTIONS | VALUE  | 50
            Exploration: show value with a report          | EXPLORATION | VALUE_REPORT              | VALUE  | 60
            Expansion: cross-sell                          | EXPANSION   | CROSS_SELL                | SALES  | 65
            Expansion: solution selling                    | EXPANSION   | SOLUTION_SELLING          | SALES  | 55
            Expansion: referral programme                  | EXPANSION   | REFERRAL_PROGRAMME        | VALUE  | 45
            Expansion: time-limited offer on a new product | EXPANSION   | NEW_PRODUCT_OFFER         | SALES  | 50
            Commitment: offer partner status               | COMMITMENT  | PARTNER_STATUS            | VALUE  | 55
            Commitment: invite to an event                 | COMMITMENT  | EVENT_INVITATION          | VALUE  | 50
            Commitment: propose a joint project            | COMMITMENT  | JOINT_PROJECT             | VALUE  | 45
            Commitment: ask for a referral or testimonial  | COMMITMENT  | ASK_FOR_REFERRAL          | VALUE  | 40
            Dissolution: exit survey                       | DISSOLUTION | EXIT_SURVEY               | SURVEY | 80
            Dissolution: win-back offer                    | DISSOLUTION | WIN_BACK_OFFER            | SALES  | 70
            """)
    void stageProposesItsActionWithTheTablesPurposeAndPriority(String rule, RelationshipStage stage, String action,
            Purpose purpose, int priority) {
        var customerInStage = aCustomer().crmStage(stage);

        ActionCandidate candidate = onlyAction(evaluate(customerInStage), action);

        assertEquals(purpose, candidate.getPurpose());
        assertEquals(priority, candidate.getPriority());
        assertEquals("STAGE_FIT", candidate.getReasonCode());
        assertEquals(List.of(stage), candidate.getReasonArgs());
        assertEquals(rule, candidate.getRule());
    }

    static Stream<Arguments> actionsOfEachStage() {
        return Stream.of(
                Arguments.of(RelationshipStage.AWARENESS, List.of("DEMO_INVITATION", "EDUCATIONAL_CONTENT", "VALUE_PROPOSITION")),
                Arguments.of(RelationshipStage.EXPLORATION, List.of("ANSWER_FREQUENT_QUESTIONS", "ONBOARDING_TRAINING", "VALUE_REPORT")),
                Arguments.of(RelationshipStage.EXPANSION, List.of("CROSS_SELL", "NEW_PRODUCT_OFFER", "REFERRAL_PROGRAMME", "SOLUTION_SELLING")),
                Arguments.of(RelationshipStage.COMMITMENT, List.of("ASK_FOR_REFERRAL", "EVENT_INVITATION", "JOINT_PROJECT", "PARTNER_STATUS")),
                Arguments.of(RelationshipStage.DISSOLUTION, List.of("EXIT_SURVEY", "WIN_BACK_OFFER")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actionsOfEachStage")
    void stageProposesOnlyItsOwnActions(RelationshipStage stage, List<String> actions) {
        var customerInStage = aCustomer().crmStage(stage);

        assertEquals(actions, actionCodes(evaluate(customerInStage), "STAGE_FIT"));
    }

    @Test
    void inferredStageProposesItsActionsToo() {
        var steadyCustomerWithoutCrmStage = aCustomer();

        assertEquals(List.of("CROSS_SELL", "NEW_PRODUCT_OFFER", "REFERRAL_PROGRAMME", "SOLUTION_SELLING"),
                actionCodes(evaluate(steadyCustomerWithoutCrmStage), "STAGE_FIT"));
    }

    // --- A detractor gets a recovery call ---

    @Test
    void detractorAnsweringSixGetsARecoveryCall() {
        var detractor = aCustomer().latestNps(6);

        ActionCandidate call = onlyAction(evaluate(detractor), "RECOVERY_CALL");

        assertAction(call, Purpose.SERVICE, 95, "DETRACTOR_ANSWER", "A detractor gets a recovery call", 6);
    }

    @ParameterizedTest
    @EnumSource(RelationshipStage.class)
    void detractorGetsARecoveryCallWhateverTheStage(RelationshipStage stage) {
        var detractorInStage = aCustomer().latestNps(2).crmStage(stage);

        ActionCandidate call = onlyAction(evaluate(detractorInStage), "RECOVERY_CALL");

        assertAction(call, Purpose.SERVICE, 95, "DETRACTOR_ANSWER", "A detractor gets a recovery call", 2);
    }

    @Test
    void passiveAnsweringSevenGetsNoRecoveryCall() {
        var passive = aCustomer().latestNps(7);

        assertFalse(actionCodes(evaluate(passive)).contains("RECOVERY_CALL"));
    }

    // --- A subscription ending within 60 days gets a renewal reminder ---

    @Test
    void subscriptionEndingIn60DaysGetsARenewalReminder() {
        var endingSoon = aCustomer().daysToSubscriptionEnd(60).endingSubscriptionAutoRenews(false);

        ActionCandidate reminder = onlyAction(evaluate(endingSoon), "RENEWAL_REMINDER");

        assertAction(reminder, Purpose.VALUE, 85, "SUBSCRIPTION_ENDS",
                "A subscription ending within 60 days gets a renewal reminder", 60);
    }

    @Test
    void subscriptionEndingIn61DaysGetsNoRenewalReminder() {
        var endingLater = aCustomer().daysToSubscriptionEnd(61).endingSubscriptionAutoRenews(false);

        assertFalse(actionCodes(evaluate(endingLater)).contains("RENEWAL_REMINDER"));
    }

    @Test
    void autoRenewingSubscriptionGetsNoRenewalReminder() {
        var renewsByItself = aCustomer().daysToSubscriptionEnd(10).endingSubscriptionAutoRenews(true);

        assertFalse(actionCodes(evaluate(renewsByItself)).contains("RENEWAL_REMINDER"));
    }

    // --- A manager change without handover gets a handover meeting ---

    @Test
    void managerChangeWithoutHandoverGetsAHandoverMeeting() {
        var handedOverSilently = aCustomer().managerChangesLastYear(1).lastManagerChangeWithoutHandover(true);

        ActionCandidate meeting = onlyAction(evaluate(handedOverSilently), "HANDOVER_MEETING");

        assertAction(meeting, Purpose.VALUE, 80, "MANAGER_CHANGED", "A manager change without handover gets a handover meeting");
    }

    @Test
    void managerChangeWithHandoverGetsNoHandoverMeeting() {
        var introducedProperly = aCustomer().managerChangesLastYear(1).lastManagerChangeWithoutHandover(false);

        assertFalse(actionCodes(evaluate(introducedProperly)).contains("HANDOVER_MEETING"));
    }

    private static void assertAction(ActionCandidate action, Purpose purpose, int priority, String reasonCode, String rule,
            Object... reasonArgs) {
        assertEquals(purpose, action.getPurpose());
        assertEquals(priority, action.getPriority());
        assertEquals(reasonCode, action.getReasonCode());
        assertEquals(List.of(reasonArgs), action.getReasonArgs());
        assertEquals(rule, action.getRule());
    }
}
