package com.retentionadvisor.rules;

import static com.retentionadvisor.rules.RuleScenario.aCustomer;
import static com.retentionadvisor.rules.RuleScenario.contactsEarlierInTheYearAndThisQuarter;
import static com.retentionadvisor.rules.RuleScenario.evaluate;
import static com.retentionadvisor.rules.RuleScenario.onlySign;
import static com.retentionadvisor.rules.RuleScenario.signCodes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.retentionadvisor.facts.GlobalCondition;

/** Scenarios for rules/churn-signs/signs.drl: one per sign, with its edge. */
class ChurnSignRulesTest {

    @Test
    void steadyCustomerShowsNoChurnSign() {
        var steadyCustomer = aCustomer();

        assertEquals(List.of(), signCodes(evaluate(steadyCustomer)));
    }

    // --- Contact intensity fell below half of the customer's own quarterly average ---

    @Test
    void oneContactThisQuarterAgainstFourInAnAverageQuarterIsASign() {
        // 12 contacts in the 275 days before this quarter make 4 a quarter; 1 now is below half of that.
        var talkingLessThanBefore = aCustomer().contacts(contactsEarlierInTheYearAndThisQuarter(12, 1));

        ChurnSign sign = onlySign(evaluate(talkingLessThanBefore));

        assertSign(sign, "CONTACT_INTENSITY_FELL", 15,
                "Contact intensity fell below half of the customer's own quarterly average", 1, 4L);
    }

    @Test
    void exactlyHalfOfTheAverageQuarterIsNoSign() {
        var talkingHalfAsMuch = aCustomer().contacts(contactsEarlierInTheYearAndThisQuarter(12, 2));

        assertEquals(List.of(), signCodes(evaluate(talkingHalfAsMuch)));
    }

    @Test
    void eightContactsInTheYearAreEnoughToJudgeAFall() {
        var silentSinceEightEarlierContacts = aCustomer().contacts(contactsEarlierInTheYearAndThisQuarter(8, 0));

        ChurnSign sign = onlySign(evaluate(silentSinceEightEarlierContacts));

        assertSign(sign, "CONTACT_INTENSITY_FELL", 15,
                "Contact intensity fell below half of the customer's own quarterly average", 0, 3L);
    }

    @Test
    void sevenContactsInTheYearAreTooFewToJudgeAFall() {
        var silentSinceSevenEarlierContacts = aCustomer().contacts(contactsEarlierInTheYearAndThisQuarter(7, 0));

        assertEquals(List.of(), signCodes(evaluate(silentSinceSevenEarlierContacts)));
    }

    // --- Emails go unopened: 3 or more in a row ---

    @Test
    void threeUnopenedEmailsInARowAreASign() {
        var ignoringMail = aCustomer().unopenedEmailStreak(3);

        ChurnSign sign = onlySign(evaluate(ignoringMail));

        assertSign(sign, "EMAILS_UNOPENED", 20, "Emails go unopened: 3 or more in a row", 3);
    }

    @Test
    void twoUnopenedEmailsInARowAreNoSign() {
        var missedTwoEmails = aCustomer().unopenedEmailStreak(2);

        assertEquals(List.of(), signCodes(evaluate(missedTwoEmails)));
    }

    // --- The email open rate fell below half of the period before ---

    @Test
    void openRateFallingFromEveryEmailToAThirdIsASign() {
        var openingFewerEmails = aCustomer()
                .emailsSentPreviousPeriod(3).emailsOpenedPreviousPeriod(3)
                .emailsSentLastPeriod(3).emailsOpenedLastPeriod(1);

        ChurnSign sign = onlySign(evaluate(openingFewerEmails));

        assertSign(sign, "EMAIL_OPEN_RATE_FELL", 10, "The email open rate fell below half of the period before", 1, 3, 3, 3);
    }

    @Test
    void openRateFallingToExactlyHalfIsNoSign() {
        var openingHalfAsMany = aCustomer()
                .emailsSentPreviousPeriod(4).emailsOpenedPreviousPeriod(4)
                .emailsSentLastPeriod(4).emailsOpenedLastPeriod(2);

        assertEquals(List.of(), signCodes(evaluate(openingHalfAsMany)));
    }

    @Test
    void fewerThanThreeEmailsInTheLastPeriodNeverMakeAFall() {
        var rarelyMailedNow = aCustomer()
                .emailsSentPreviousPeriod(3).emailsOpenedPreviousPeriod(3)
                .emailsSentLastPeriod(2).emailsOpenedLastPeriod(0);

        assertEquals(List.of(), signCodes(evaluate(rarelyMailedNow)));
    }

    @Test
    void fewerThanThreeEmailsInThePeriodBeforeNeverMakeAFall() {
        var rarelyMailedBefore = aCustomer()
                .emailsSentPreviousPeriod(2).emailsOpenedPreviousPeriod(2)
                .emailsSentLastPeriod(3).emailsOpenedLastPeriod(0);

        assertEquals(List.of(), signCodes(evaluate(rarelyMailedBefore)));
    }

    // --- Inbound requests are answered in more than 24 hours on average ---

    @Test
    void answersTakingTwentyFourAndAHalfHoursOnAverageAreASign() {
        var answeredSlowly = aCustomer().averageResponseHoursLastPeriod(24.5);

        ChurnSign sign = onlySign(evaluate(answeredSlowly));

        assertSign(sign, "SLOW_RESPONSES", 10, "Inbound requests are answered in more than 24 hours on average", 25L);
    }

    @Test
    void answersTakingTwentyFourHoursOnAverageAreNoSign() {
        var answeredWithinADay = aCustomer().averageResponseHoursLastPeriod(24.0);

        assertEquals(List.of(), signCodes(evaluate(answeredWithinADay)));
    }

    // --- A deal was lost in the last 90 days ---

    @Test
    void oneLostDealIsASign() {
        var lostADeal = aCustomer().lostDealsLastPeriod(1);

        ChurnSign sign = onlySign(evaluate(lostADeal));

        assertSign(sign, "DEALS_LOST", 15, "A deal was lost in the last 90 days", 1);
    }

    @Test
    void noLostDealIsNoSign() {
        var wonEveryDeal = aCustomer().lostDealsLastPeriod(0);

        assertEquals(List.of(), signCodes(evaluate(wonEveryDeal)));
    }

    // --- A deal has been open for more than 60 days ---

    @Test
    void dealOpenFor61DaysIsASign() {
        var undecided = aCustomer().openDeals(1).oldestOpenDealDays(61);

        ChurnSign sign = onlySign(evaluate(undecided));

        assertSign(sign, "DEAL_STALLED", 10, "A deal has been open for more than 60 days", 61);
    }

    @Test
    void dealOpenFor60DaysIsNoSign() {
        var stillDeciding = aCustomer().openDeals(1).oldestOpenDealDays(60);

        assertEquals(List.of(), signCodes(evaluate(stillDeciding)));
    }

    // --- Orders fell to half of the previous period or less ---

    @Test
    void ordersFallingFromFourToTwoAreASign() {
        var buyingHalfAsOften = aCustomer().ordersPreviousPeriod(4).ordersLastPeriod(2);

        ChurnSign sign = onlySign(evaluate(buyingHalfAsOften));

        assertSign(sign, "ORDERS_FELL", 25, "Orders fell to half of the previous period or less", 4, 2);
    }

    @Test
    void ordersFallingFromTwoToOneAreASign() {
        var smallestFallThatCounts = aCustomer().ordersPreviousPeriod(2).ordersLastPeriod(1);

        ChurnSign sign = onlySign(evaluate(smallestFallThatCounts));

        assertSign(sign, "ORDERS_FELL", 25, "Orders fell to half of the previous period or less", 2, 1);
    }

    @Test
    void ordersFallingFromFourToThreeAreNoSign() {
        var buyingSlightlyLess = aCustomer().ordersPreviousPeriod(4).ordersLastPeriod(3);

        assertEquals(List.of(), signCodes(evaluate(buyingSlightlyLess)));
    }

    @Test
    void singleOrderInThePreviousPeriodNeverMakesAFall() {
        var occasionalBuyer = aCustomer().ordersPreviousPeriod(1).ordersLastPeriod(0).averageOrderValueLastPeriod(0);

        assertEquals(List.of(), signCodes(evaluate(occasionalBuyer)));
    }

    // --- The average order value fell by 30% or more ---

    @Test
    void orderValueFallingByThirtyOnePercentIsASign() {
        var buyingSmaller = aCustomer().averageOrderValuePreviousPeriod(100).averageOrderValueLastPeriod(69);

        ChurnSign sign = onlySign(evaluate(buyingSmaller));

        assertSign(sign, "ORDER_VALUE_FELL", 15, "The average order value fell by 30% or more", 100L, 69L);
    }

    @Test
    void orderValueFallingByExactlyThirtyPercentIsASign() {
        var buyingThirtyPercentSmaller = aCustomer().averageOrderValuePreviousPeriod(100).averageOrderValueLastPeriod(70);

        ChurnSign sign = onlySign(evaluate(buyingThirtyPercentSmaller));

        assertSign(sign, "ORDER_VALUE_FELL", 15, "The average order value fell by 30% or more", 100L, 70L);
    }

    @Test
    void orderValueFallingByTwentyNinePercentIsNoSign() {
        var buyingSlightlySmaller = aCustomer().averageOrderValuePreviousPeriod(100).averageOrderValueLastPeriod(71);

        assertEquals(List.of(), signCodes(evaluate(buyingSlightlySmaller)));
    }

    @Test
    void ordersWorthNothingInThePeriodBeforeMakeNoOrderValueFall() {
        var freeOrdersBeforeAndNow = aCustomer().averageOrderValuePreviousPeriod(0).averageOrderValueLastPeriod(0);

        assertEquals(List.of(), signCodes(evaluate(freeOrdersBeforeAndNow)));
    }

    @Test
    void noOrderThisPeriodIsAnOrdersFallNotAnOrderValueFall() {
        var stoppedOrdering = aCustomer().ordersPreviousPeriod(2).ordersLastPeriod(0).averageOrderValueLastPeriod(0);

        assertEquals(List.of("ORDERS_FELL"), signCodes(evaluate(stoppedOrdering)));
    }

    // --- Repeat orders fell by 30 points or more from a share of at least half ---

    @Test
    void repeatOrdersFallingFrom80To40PercentAreASign() {
        var tryingOtherProducts = aCustomer().repeatOrderSharePreviousPeriod(0.8).repeatOrderShareLastPeriod(0.4);

        ChurnSign sign = onlySign(evaluate(tryingOtherProducts));

        assertSign(sign, "REPEAT_ORDERS_FELL", 10, "Repeat orders fell by 30 points or more from a share of at least half", 0.8, 0.4);
    }

    @Test
    void repeatOrdersFallingByExactlyThirtyPointsAreASign() {
        var thirtyPointsFewerRepeats = aCustomer().repeatOrderSharePreviousPeriod(0.8).repeatOrderShareLastPeriod(0.5);

        ChurnSign sign = onlySign(evaluate(thirtyPointsFewerRepeats));

        assertSign(sign, "REPEAT_ORDERS_FELL", 10, "Repeat orders fell by 30 points or more from a share of at least half", 0.8, 0.5);
    }

    @Test
    void repeatOrdersFallingByTwentyFivePointsAreNoSign() {
        var slightlyFewerRepeats = aCustomer().repeatOrderSharePreviousPeriod(0.8).repeatOrderShareLastPeriod(0.55);

        assertEquals(List.of(), signCodes(evaluate(slightlyFewerRepeats)));
    }

    @Test
    void repeatOrdersFallFromBelowHalfIsNoSign() {
        var mostlyNewProductsBefore = aCustomer().repeatOrderSharePreviousPeriod(0.45).repeatOrderShareLastPeriod(0.0);

        assertEquals(List.of(), signCodes(evaluate(mostlyNewProductsBefore)));
    }

    // --- Subscription ends within 60 days and does not renew by itself ---

    @Test
    void subscriptionEndingIn60DaysWithoutAutoRenewIsASign() {
        var endingSoon = aCustomer().daysToSubscriptionEnd(60).endingSubscriptionAutoRenews(false);

        ChurnSign sign = onlySign(evaluate(endingSoon));

        assertSign(sign, "SUBSCRIPTION_ENDING", 25, "Subscription ends within 60 days and does not renew by itself", 60);
    }

    @Test
    void subscriptionEndingIn61DaysIsNoSign() {
        var endingLater = aCustomer().daysToSubscriptionEnd(61).endingSubscriptionAutoRenews(false);

        assertEquals(List.of(), signCodes(evaluate(endingLater)));
    }

    @Test
    void autoRenewingSubscriptionIsNeverASign() {
        var renewsByItself = aCustomer().daysToSubscriptionEnd(1).endingSubscriptionAutoRenews(true);

        assertEquals(List.of(), signCodes(evaluate(renewsByItself)));
    }

    @Test
    void endingSubscriptionAlreadyRenewedIsNoSign() {
        var renewedInTime = aCustomer().daysToSubscriptionEnd(10).endingSubscriptionAutoRenews(false).renewalInSight(true);

        assertEquals(List.of(), signCodes(evaluate(renewedInTime)));
    }

    // --- NPS detractor: the latest answer is 6 or lower ---

    @Test
    void npsAnswerOfSixIsADetractorSign() {
        var detractor = aCustomer().latestNps(6);

        ChurnSign sign = onlySign(evaluate(detractor));

        assertSign(sign, "NPS_DETRACTOR", 30, "NPS detractor: the latest answer is 6 or lower", 6);
    }

    @Test
    void npsAnswerOfZeroIsADetractorSign() {
        var angriestDetractor = aCustomer().latestNps(0);

        ChurnSign sign = onlySign(evaluate(angriestDetractor));

        assertSign(sign, "NPS_DETRACTOR", 30, "NPS detractor: the latest answer is 6 or lower", 0);
    }

    @Test
    void npsAnswerOfSevenIsNoSign() {
        var passive = aCustomer().latestNps(7);

        assertEquals(List.of(), signCodes(evaluate(passive)));
    }

    // --- NPS dropped by 3 points or more since the answer before ---

    @Test
    void npsDroppingFromTenToSevenIsASign() {
        var coolingPromoter = aCustomer().previousNps(10).latestNps(7);

        ChurnSign sign = onlySign(evaluate(coolingPromoter));

        assertSign(sign, "NPS_DROPPED", 15, "NPS dropped by 3 points or more since the answer before", 10, 7);
    }

    @Test
    void npsDroppingFromTenToEightIsNoSign() {
        var slightlyLessEnthusiastic = aCustomer().previousNps(10).latestNps(8);

        assertEquals(List.of(), signCodes(evaluate(slightlyLessEnthusiastic)));
    }

    @Test
    void firstNpsAnswerCannotHaveDropped() {
        var answeredOnce = aCustomer().previousNps(null).latestNps(7);

        assertEquals(List.of(), signCodes(evaluate(answeredOnce)));
    }

    // --- CSAT dropped by 2 points or more since the answer before ---

    @Test
    void csatDroppingFromFiveToThreeIsASign() {
        var lessSatisfied = aCustomer().previousCsat(5).latestCsat(3);

        ChurnSign sign = onlySign(evaluate(lessSatisfied));

        assertSign(sign, "CSAT_DROPPED", 10, "CSAT dropped by 2 points or more since the answer before", 5, 3);
    }

    @Test
    void csatDroppingFromFiveToFourIsNoSign() {
        var slightlyLessSatisfied = aCustomer().previousCsat(5).latestCsat(4);

        assertEquals(List.of(), signCodes(evaluate(slightlyLessSatisfied)));
    }

    // --- CSI dropped by a point or more since the survey before ---

    @Test
    void csiDroppingFromFourToThreeIsASign() {
        var lessSatisfiedOverall = aCustomer().previousCsi(4.0).latestCsi(3.0);

        ChurnSign sign = onlySign(evaluate(lessSatisfiedOverall));

        assertSign(sign, "CSI_DROPPED", 10, "CSI dropped by a point or more since the survey before", 4.0, 3.0);
    }

    @Test
    void csiDroppingFromFourToThreePointOneIsNoSign() {
        var slightlyLessSatisfiedOverall = aCustomer().previousCsi(4.0).latestCsi(3.1);

        assertEquals(List.of(), signCodes(evaluate(slightlyLessSatisfiedOverall)));
    }

    // --- A complaint is open ---

    @Test
    void openComplaintIsASign() {
        var complaining = aCustomer().openComplaints(1);

        ChurnSign sign = onlySign(evaluate(complaining));

        assertSign(sign, "OPEN_COMPLAINT", 30, "A complaint is open", 1);
    }

    @Test
    void noOpenComplaintIsNoSign() {
        var complaintResolved = aCustomer().openComplaints(0);

        assertEquals(List.of(), signCodes(evaluate(complaintResolved)));
    }

    // --- A support problem is unresolved ---

    @Test
    void unresolvedSupportProblemIsASign() {
        var waitingForSupport = aCustomer().openProblems(1);

        ChurnSign sign = onlySign(evaluate(waitingForSupport));

        assertSign(sign, "OPEN_PROBLEM", 10, "A support problem is unresolved", 1);
    }

    @Test
    void noUnresolvedSupportProblemIsNoSign() {
        var helpedBySupport = aCustomer().openProblems(0);

        assertEquals(List.of(), signCodes(evaluate(helpedBySupport)));
    }

    // --- No feedback of any kind for 180 days ---

    @Test
    void noFeedbackFor181DaysIsASign() {
        var silentHalfAYear = aCustomer().daysSinceLastFeedback(181);

        ChurnSign sign = onlySign(evaluate(silentHalfAYear));

        assertSign(sign, "NO_FEEDBACK", 10, "No feedback of any kind for 180 days", 180);
    }

    @Test
    void lastFeedbackExactly180DaysAgoIsNoSign() {
        var lastHeardFromHalfAYearAgo = aCustomer().daysSinceLastFeedback(180);

        assertEquals(List.of(), signCodes(evaluate(lastHeardFromHalfAYearAgo)));
    }

    @Test
    void customerOf180DaysWhoNeverGaveFeedbackShowsTheSign() {
        var neverHeardFrom = aCustomer().tenureDays(180).daysSinceLastFeedback(null);

        ChurnSign sign = onlySign(evaluate(neverHeardFrom));

        assertSign(sign, "NO_FEEDBACK", 10, "No feedback of any kind for 180 days", 180);
    }

    @Test
    void customerOf179DaysWhoNeverGaveFeedbackShowsNoSign() {
        var newAndQuiet = aCustomer().tenureDays(179).daysSinceLastFeedback(null);

        assertEquals(List.of(), signCodes(evaluate(newAndQuiet)));
    }

    // --- Account manager changed without a handover meeting ---

    @Test
    void managerChangeWithoutHandoverIsASign() {
        var handedOverSilently = aCustomer().managerChangesLastYear(1).managerChangesTotal(1).lastManagerChangeWithoutHandover(true);

        ChurnSign sign = onlySign(evaluate(handedOverSilently));

        assertSign(sign, "MANAGER_CHANGED_WITHOUT_HANDOVER", 15, "Account manager changed without a handover meeting");
    }

    @Test
    void noManagerChangeInTheLastYearIsNoSign() {
        var oldChangeWithoutHandover = aCustomer().managerChangesLastYear(0).managerChangesTotal(1).lastManagerChangeWithoutHandover(true);

        assertEquals(List.of(), signCodes(evaluate(oldChangeWithoutHandover)));
    }

    // --- Account manager changed, with a handover meeting ---

    @Test
    void managerChangeWithHandoverIsASmallerSign() {
        var introducedProperly = aCustomer().managerChangesLastYear(1).managerChangesTotal(1).lastManagerChangeWithoutHandover(false);

        ChurnSign sign = onlySign(evaluate(introducedProperly));

        assertSign(sign, "MANAGER_CHANGED", 5, "Account manager changed, with a handover meeting");
    }

    @Test
    void managerChangedWithHandoverMoreThanAYearAgoIsNoSign() {
        var longSettledWithNewManager = aCustomer().managerChangesLastYear(0).managerChangesTotal(1).lastManagerChangeWithoutHandover(false);

        assertEquals(List.of(), signCodes(evaluate(longSettledWithNewManager)));
    }

    // --- The customer was handed between managers more than once ---

    @Test
    void twoManagerChangesAreASign() {
        var handedAroundTwice = aCustomer().managerChangesTotal(2);

        ChurnSign sign = onlySign(evaluate(handedAroundTwice));

        assertSign(sign, "HANDED_OVER_REPEATEDLY", 20, "The customer was handed between managers more than once", 2);
    }

    @Test
    void oneManagerChangeLongAgoIsNoSign() {
        var handedOverOnce = aCustomer().managerChangesTotal(1);

        assertEquals(List.of(), signCodes(evaluate(handedOverOnce)));
    }

    // --- A market crisis is declared ---

    @Test
    void declaredMarketCrisisIsASignForEveryCustomer() {
        var steadyCustomer = aCustomer();

        ChurnSign sign = onlySign(evaluate(steadyCustomer, List.of(new GlobalCondition("MARKET_CRISIS"))));

        assertSign(sign, "MARKET_CRISIS", 10, "A market crisis is declared");
    }

    @Test
    void otherGlobalConditionIsNoSign() {
        var steadyCustomer = aCustomer();

        assertEquals(List.of(), signCodes(evaluate(steadyCustomer, List.of(new GlobalCondition("HOLIDAY_SEASON")))));
    }

    private static void assertSign(ChurnSign sign, String code, int weight, String rule, Object... evidence) {
        assertEquals(code, sign.getCode());
        assertEquals(weight, sign.getWeight());
        assertEquals(rule, sign.getRule());
        assertEquals(List.of(evidence), sign.getEvidence());
    }
}
