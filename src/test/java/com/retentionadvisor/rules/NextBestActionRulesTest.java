package com.retentionadvisor.rules;

import static com.retentionadvisor.rules.RuleScenario.aCustomer;
import static com.retentionadvisor.rules.RuleScenario.actionCodes;
import static com.retentionadvisor.rules.RuleScenario.contactsEarlierInTheYearAndThisQuarter;
import static com.retentionadvisor.rules.RuleScenario.evaluate;
import static com.retentionadvisor.rules.RuleScenario.onlyAction;
import static com.retentionadvisor.rules.RuleScenario.onlyActionLimit;
import static com.retentionadvisor.rules.RuleScenario.onlyCustomerValue;
import static com.retentionadvisor.rules.RuleScenario.proposes;
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
import org.junit.jupiter.params.provider.ValueSource;

import com.retentionadvisor.contacts.Purpose;
import com.retentionadvisor.customers.RelationshipStage;
import com.retentionadvisor.facts.CustomerFacts;

/**
 * Scenarios for rules/next-best-action: every row of the decision table actions-by-stage.drl.csv, every trigger
 * in triggers.drl with its edges, and the value tiers of customer-value.drl. Stage actions are read by their reason STAGE_FIT, apart from what other rules may add.
 */
class NextBestActionRulesTest {

    // --- actions-by-stage.drl.csv: one case per row ---

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Awareness: show the value proposition          | AWARENESS   | VALUE_PROPOSITION         | VALUE  | 60
            Awareness: send educational content            | AWARENESS   | EDUCATIONAL_CONTENT       | VALUE  | 50
            Awareness: invite to a demo                    | AWARENESS   | DEMO_INVITATION           | SALES  | 55
            Awareness: share a customer success story      | AWARENESS   | SUCCESS_STORY             | VALUE  | 45
            Exploration: onboarding and training           | EXPLORATION | ONBOARDING_TRAINING       | VALUE  | 70
            Exploration: answer the frequent questions     | EXPLORATION | ANSWER_FREQUENT_QUESTIONS | VALUE  | 50
            Exploration: show value with a report          | EXPLORATION | VALUE_REPORT              | VALUE  | 60
            Exploration: invite to a training webinar      | EXPLORATION | TRAINING_WEBINAR          | VALUE  | 45
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
            Dissolution: a meeting to fix what went wrong  | DISSOLUTION | RECOVERY_MEETING          | SERVICE| 75
            Dissolution: a call from a senior manager      | DISSOLUTION | EXECUTIVE_CALL            | VALUE  | 65
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
                Arguments.of(RelationshipStage.AWARENESS, List.of("DEMO_INVITATION", "EDUCATIONAL_CONTENT", "SUCCESS_STORY", "VALUE_PROPOSITION")),
                Arguments.of(RelationshipStage.EXPLORATION, List.of("ANSWER_FREQUENT_QUESTIONS", "ONBOARDING_TRAINING", "TRAINING_WEBINAR", "VALUE_REPORT")),
                Arguments.of(RelationshipStage.EXPANSION, List.of("CROSS_SELL", "NEW_PRODUCT_OFFER", "REFERRAL_PROGRAMME", "SOLUTION_SELLING")),
                Arguments.of(RelationshipStage.COMMITMENT, List.of("ASK_FOR_REFERRAL", "EVENT_INVITATION", "JOINT_PROJECT", "PARTNER_STATUS")),
                Arguments.of(RelationshipStage.DISSOLUTION, List.of("EXECUTIVE_CALL", "EXIT_SURVEY", "RECOVERY_MEETING", "WIN_BACK_OFFER")));
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

    @Test
    void steadyCustomerTriggersNoActionBesidesItsStageActions() {
        // Never talked to, the customer gets useful content in place of the pitches (sales-talk.drl); no trigger fires.
        var steadyCustomer = aCustomer();

        assertEquals(List.of("CROSS_SELL", "NEW_PRODUCT_OFFER", "REFERRAL_PROGRAMME", "SHARE_USEFUL_CONTENT", "SOLUTION_SELLING"),
                actionCodes(evaluate(steadyCustomer)));
    }

    // --- At most 3 actions are proposed a day ---

    @Test
    void everyAdviceProposesAtMostThreeActionsADay() {
        var steadyCustomer = aCustomer();

        ActionLimit limit = onlyActionLimit(evaluate(steadyCustomer, ContactIntent.anyProactiveContact()));

        assertEquals(3, limit.getMaxPerDay());
        assertEquals("At most 3 actions are proposed a day", limit.getRule());
    }

    // --- customer-value.drl: the value tier that weighs a customer's actions when ranked ---

    @ParameterizedTest(name = "{0} of orders a year: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            50000    | HIGH     | 1.5 | A customer with 50,000 or more of orders in the last year is of HIGH value
            49999.99 | MEDIUM   | 1.2 | A customer with 10,000 to 50,000 of orders in the last year is of MEDIUM value
            10000    | MEDIUM   | 1.2 | A customer with 10,000 to 50,000 of orders in the last year is of MEDIUM value
            9999.99  | STANDARD | 1.0 | A customer with less than 10,000 of orders in the last year is of STANDARD value
            0        | STANDARD | 1.0 | A customer with less than 10,000 of orders in the last year is of STANDARD value
            """)
    void customerIsOfTheValueTierOfItsOrdersInTheLastYear(double revenueLastYear, String tier, double weight, String rule) {
        var customerOfThatRevenue = aCustomer().revenueLastYear(revenueLastYear);

        CustomerValue value = onlyCustomerValue(evaluate(customerOfThatRevenue));

        assertEquals(tier, value.getTier());
        assertEquals(weight, value.getWeight());
        assertEquals(rule, value.getRule());
    }

    // --- An open complaint gets resolved first ---

    @Test
    void openComplaintGetsResolvedFirst() {
        var complaining = aCustomer().openComplaints(2);

        ActionCandidate resolve = onlyAction(evaluate(complaining), "RESOLVE_COMPLAINT");

        assertAction(resolve, Purpose.SERVICE, 98, "COMPLAINT_OPEN", "An open complaint gets resolved first", 2);
    }

    @Test
    void resolvedComplaintNeedsNoAction() {
        var complaintResolved = aCustomer().openComplaints(0);

        assertFalse(proposes(evaluate(complaintResolved), "RESOLVE_COMPLAINT"));
    }

    // --- A recent detractor gets a recovery call within 48 hours ---

    @Test
    void detractorAnsweringSixGetsARecoveryCall() {
        var detractor = aCustomer().latestNps(6);

        ActionCandidate call = onlyAction(evaluate(detractor), "RECOVERY_CALL");

        assertAction(call, Purpose.SERVICE, 95, "DETRACTOR_ANSWER", "A recent detractor gets a recovery call within 48 hours", 6);
    }

    @ParameterizedTest
    @EnumSource(RelationshipStage.class)
    void detractorGetsARecoveryCallWhateverTheStage(RelationshipStage stage) {
        var detractorInStage = aCustomer().latestNps(2).crmStage(stage);

        ActionCandidate call = onlyAction(evaluate(detractorInStage), "RECOVERY_CALL");

        assertAction(call, Purpose.SERVICE, 95, "DETRACTOR_ANSWER", "A recent detractor gets a recovery call within 48 hours", 2);
    }

    @Test
    void passiveAnsweringSevenGetsNoRecoveryCall() {
        var passive = aCustomer().latestNps(7);

        assertFalse(proposes(evaluate(passive), "RECOVERY_CALL"));
    }

    @Test
    void detractorWhoAnswered30DaysAgoGetsARecoveryCall() {
        var detractorAMonthAgo = aCustomer().latestNps(4).daysSinceLastSurvey(30);

        assertEquals(List.of(4), onlyAction(evaluate(detractorAMonthAgo), "RECOVERY_CALL").getReasonArgs());
    }

    @Test
    void detractorWhoAnswered31DaysAgoGetsNoRecoveryCall() {
        var detractorLongAgo = aCustomer().latestNps(4).daysSinceLastSurvey(31);

        assertFalse(proposes(evaluate(detractorLongAgo), "RECOVERY_CALL"));
    }

    // --- A survey comment gets an answer: what changed because of it ---

    @Test
    void surveyCommentAwaitingReplyGetsClosingTheLoop() {
        var commentedInTheSurvey = aCustomer().surveyCommentAwaitingReply(true);

        ActionCandidate answer = onlyAction(evaluate(commentedInTheSurvey), "CLOSE_THE_LOOP");

        assertAction(answer, Purpose.SERVICE, 75, "SURVEY_COMMENT", "A survey comment gets an answer: what changed because of it");
    }

    @Test
    void surveyCommentAlreadyAnsweredNeedsNoAction() {
        var commentAnswered = aCustomer().surveyCommentAwaitingReply(false);

        assertFalse(proposes(evaluate(commentAnswered), "CLOSE_THE_LOOP"));
    }

    // --- Renewal reminders 90, 30 and 7 days before the subscription ends ---

    @ParameterizedTest(name = "{0} days before the end: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            90 | Renewal reminder 90 days before the subscription ends | 60
            31 | Renewal reminder 90 days before the subscription ends | 60
            30 | Renewal reminder 30 days before the subscription ends | 80
            8  | Renewal reminder 30 days before the subscription ends | 80
            7  | Renewal reminder 7 days before the subscription ends  | 90
            0  | Renewal reminder 7 days before the subscription ends  | 90
            """)
    void subscriptionEndingGetsOneRenewalReminderMoreUrgentAsTheEndNears(int daysToEnd, String rule, int priority) {
        var endingSubscription = aCustomer().daysToSubscriptionEnd(daysToEnd).endingSubscriptionAutoRenews(false);

        ActionCandidate reminder = onlyAction(evaluate(endingSubscription), "RENEWAL_REMINDER");

        assertAction(reminder, Purpose.VALUE, priority, "SUBSCRIPTION_ENDS", rule, daysToEnd);
    }

    @Test
    void subscriptionEndingIn91DaysGetsNoRenewalReminderYet() {
        var endingLater = aCustomer().daysToSubscriptionEnd(91).endingSubscriptionAutoRenews(false);

        assertFalse(proposes(evaluate(endingLater), "RENEWAL_REMINDER"));
    }

    @Test
    void autoRenewingSubscriptionGetsNoRenewalReminder() {
        var renewsByItself = aCustomer().daysToSubscriptionEnd(10).endingSubscriptionAutoRenews(true);

        assertFalse(proposes(evaluate(renewsByItself), "RENEWAL_REMINDER"));
    }

    @Test
    void alreadyRenewedSubscriptionGetsNoRenewalReminder() {
        var renewedInTime = aCustomer().daysToSubscriptionEnd(10).endingSubscriptionAutoRenews(false).renewalInSight(true);

        assertFalse(proposes(evaluate(renewedInTime), "RENEWAL_REMINDER"));
    }

    // --- A survey two months before an annual contract ends ---

    @ParameterizedTest
    @ValueSource(ints = {60, 46})
    void annualContractEndingWithinTwoMonthsGetsAPreRenewalSurvey(int daysToEnd) {
        var annualContractEnding = annualContractNotSurveyedForAMonth().daysToSubscriptionEnd(daysToEnd);

        ActionCandidate survey = onlyAction(evaluate(annualContractEnding), "PRE_RENEWAL_SURVEY");

        assertAction(survey, Purpose.SURVEY, 70, "ANNUAL_CONTRACT_ENDS", "A survey two months before an annual contract ends", daysToEnd);
    }

    @ParameterizedTest
    @ValueSource(ints = {61, 45})
    void annualContractOutsideTheTwoMonthWindowGetsNoPreRenewalSurvey(int daysToEnd) {
        var annualContract = annualContractNotSurveyedForAMonth().daysToSubscriptionEnd(daysToEnd);

        assertFalse(proposes(evaluate(annualContract), "PRE_RENEWAL_SURVEY"));
    }

    @Test
    void customerSurveyed30DaysAgoGetsNoPreRenewalSurvey() {
        var surveyedRecently = annualContractNotSurveyedForAMonth().daysToSubscriptionEnd(50).daysSinceLastSurvey(30);

        assertFalse(proposes(evaluate(surveyedRecently), "PRE_RENEWAL_SURVEY"));
    }

    @Test
    void customerNeverSurveyedGetsAPreRenewalSurvey() {
        var neverSurveyed = annualContractNotSurveyedForAMonth().daysToSubscriptionEnd(50).daysSinceLastSurvey(null);

        assertEquals(List.of(50), onlyAction(evaluate(neverSurveyed), "PRE_RENEWAL_SURVEY").getReasonArgs());
    }

    @Test
    void monthlyContractGetsNoPreRenewalSurvey() {
        var monthlyContract = annualContractNotSurveyedForAMonth().endingSubscriptionAnnual(false).daysToSubscriptionEnd(50);

        assertFalse(proposes(evaluate(monthlyContract), "PRE_RENEWAL_SURVEY"));
    }

    // --- A survey every six months ---

    @Test
    void customerLastSurveyed182DaysAgoGetsASatisfactionSurvey() {
        var surveyedHalfAYearAgo = aCustomer().daysSinceLastSurvey(182);

        ActionCandidate survey = onlyAction(evaluate(surveyedHalfAYearAgo), "SATISFACTION_SURVEY");

        assertAction(survey, Purpose.SURVEY, 40, "SURVEY_DUE", "A survey every six months", 6);
    }

    @Test
    void customerLastSurveyed181DaysAgoGetsNoSatisfactionSurveyYet() {
        var surveyedAlmostHalfAYearAgo = aCustomer().daysSinceLastSurvey(181);

        assertFalse(proposes(evaluate(surveyedAlmostHalfAYearAgo), "SATISFACTION_SURVEY"));
    }

    @Test
    void customerOf180DaysNeverSurveyedGetsASatisfactionSurvey() {
        var neverSurveyed = aCustomer().tenureDays(180).daysSinceLastSurvey(null).latestNps(null);

        assertEquals(List.of(6), onlyAction(evaluate(neverSurveyed), "SATISFACTION_SURVEY").getReasonArgs());
    }

    @Test
    void customerOf179DaysNeverSurveyedGetsNoSatisfactionSurveyYet() {
        var newCustomer = aCustomer().tenureDays(179).daysSinceLastSurvey(null).latestNps(null);

        assertFalse(proposes(evaluate(newCustomer), "SATISFACTION_SURVEY"));
    }

    // --- A birthday greeting in the week before the birthday ---

    @ParameterizedTest
    @ValueSource(ints = {7, 0})
    void birthdayWithinAWeekGetsAGreeting(int daysToBirthday) {
        var birthdaySoon = aCustomer().daysToBirthday(daysToBirthday);

        ActionCandidate greeting = onlyAction(evaluate(birthdaySoon), "BIRTHDAY_GREETING");

        assertAction(greeting, Purpose.VALUE, 65, "BIRTHDAY", "A birthday greeting in the week before the birthday", daysToBirthday);
    }

    @Test
    void birthdayInEightDaysGetsNoGreetingYet() {
        var birthdayNextWeek = aCustomer().daysToBirthday(8);

        assertFalse(proposes(evaluate(birthdayNextWeek), "BIRTHDAY_GREETING"));
    }

    // --- A manager change without handover gets a handover meeting ---

    @Test
    void managerChangeWithoutHandoverGetsAHandoverMeeting() {
        var handedOverSilently = aCustomer().managerChangesLastYear(1).managerChangesTotal(1).lastManagerChangeWithoutHandover(true);

        ActionCandidate meeting = onlyAction(evaluate(handedOverSilently), "HANDOVER_MEETING");

        assertAction(meeting, Purpose.VALUE, 85, "MANAGER_CHANGED", "A manager change without handover gets a handover meeting");
    }

    @Test
    void managerChangeWithHandoverGetsNoHandoverMeeting() {
        var introducedProperly = aCustomer().managerChangesLastYear(1).managerChangesTotal(1).lastManagerChangeWithoutHandover(false);

        assertFalse(proposes(evaluate(introducedProperly), "HANDOVER_MEETING"));
    }

    // --- Falling contact intensity gets a re-engagement call ---

    @Test
    void oneContactThisQuarterAgainstFourInAnAverageQuarterGetsAReEngagementCall() {
        var talkingLessThanBefore = aCustomer().contacts(contactsEarlierInTheYearAndThisQuarter(12, 1));

        ActionCandidate call = onlyAction(evaluate(talkingLessThanBefore), "RE_ENGAGEMENT_CALL");

        assertAction(call, Purpose.VALUE, 72, "CONTACT_FELL", "Falling contact intensity gets a re-engagement call", 1);
    }

    @Test
    void exactlyHalfOfTheAverageQuarterGetsNoReEngagementCall() {
        var talkingHalfAsMuch = aCustomer().contacts(contactsEarlierInTheYearAndThisQuarter(12, 2));

        assertFalse(proposes(evaluate(talkingHalfAsMuch), "RE_ENGAGEMENT_CALL"));
    }

    @Test
    void sevenContactsInTheYearAreTooFewForAReEngagementCall() {
        var silentSinceSevenEarlierContacts = aCustomer().contacts(contactsEarlierInTheYearAndThisQuarter(7, 0));

        assertFalse(proposes(evaluate(silentSinceSevenEarlierContacts), "RE_ENGAGEMENT_CALL"));
    }

    // --- Unanswered requests get answered ---

    @Test
    void unansweredRequestGetsAnswered() {
        var waitingForOurAnswer = aCustomer().inboundLastPeriod(3).unansweredInboundLastPeriod(1);

        ActionCandidate answer = onlyAction(evaluate(waitingForOurAnswer), "ANSWER_OPEN_REQUESTS");

        assertAction(answer, Purpose.SERVICE, 92, "REQUESTS_UNANSWERED", "Unanswered requests get answered", 1);
    }

    @Test
    void everyRequestAnsweredNeedsNoAction() {
        var answeredEverything = aCustomer().inboundLastPeriod(3).unansweredInboundLastPeriod(0);

        assertFalse(proposes(evaluate(answeredEverything), "ANSWER_OPEN_REQUESTS"));
    }

    /** An annual contract that does not renew by itself, and the last survey 31 days ago; days to its end set per case. */
    private static CustomerFacts.Builder annualContractNotSurveyedForAMonth() {
        return aCustomer().endingSubscriptionAnnual(true).endingSubscriptionAutoRenews(false).daysSinceLastSurvey(31);
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
