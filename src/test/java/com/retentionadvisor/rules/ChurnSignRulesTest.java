package com.retentionadvisor.rules;

import static com.retentionadvisor.rules.RuleScenario.aCustomer;
import static com.retentionadvisor.rules.RuleScenario.evaluate;
import static com.retentionadvisor.rules.RuleScenario.onlySign;
import static com.retentionadvisor.rules.RuleScenario.signCodes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Scenarios for rules/churn-signs/signs.drl: one per sign, with its edge. */
class ChurnSignRulesTest {

    @Test
    void steadyCustomerShowsNoChurnSign() {
        var steadyCustomer = aCustomer();

        assertEquals(List.of(), signCodes(evaluate(steadyCustomer)));
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
        var occasionalBuyer = aCustomer().ordersPreviousPeriod(1).ordersLastPeriod(0);

        assertEquals(List.of(), signCodes(evaluate(occasionalBuyer)));
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

    // --- Account manager changed without a handover meeting ---

    @Test
    void managerChangeWithoutHandoverIsASign() {
        var handedOverSilently = aCustomer().managerChangesLastYear(1).lastManagerChangeWithoutHandover(true);

        ChurnSign sign = onlySign(evaluate(handedOverSilently));

        assertSign(sign, "MANAGER_CHANGED_WITHOUT_HANDOVER", 15, "Account manager changed without a handover meeting");
    }

    @Test
    void managerChangeWithHandoverIsNoSign() {
        var introducedProperly = aCustomer().managerChangesLastYear(1).lastManagerChangeWithoutHandover(false);

        assertEquals(List.of(), signCodes(evaluate(introducedProperly)));
    }

    @Test
    void noManagerChangeInTheLastYearIsNoSign() {
        var oldChangeWithoutHandover = aCustomer().managerChangesLastYear(0).lastManagerChangeWithoutHandover(true);

        assertEquals(List.of(), signCodes(evaluate(oldChangeWithoutHandover)));
    }

    private static void assertSign(ChurnSign sign, String code, int weight, String rule, Object... evidence) {
        assertEquals(code, sign.getCode());
        assertEquals(weight, sign.getWeight());
        assertEquals(rule, sign.getRule());
        assertEquals(List.of(evidence), sign.getEvidence());
    }
}
