package com.retentionadvisor.rules;

import static com.retentionadvisor.contacts.Channel.EMAIL;
import static com.retentionadvisor.contacts.Channel.EVENT;
import static com.retentionadvisor.contacts.Channel.PHONE;
import static com.retentionadvisor.contacts.Direction.INBOUND;
import static com.retentionadvisor.contacts.Direction.OUTBOUND;
import static com.retentionadvisor.contacts.Purpose.VALUE;
import static com.retentionadvisor.rules.RuleScenario.aCustomer;
import static com.retentionadvisor.rules.RuleScenario.evaluate;
import static com.retentionadvisor.rules.RuleScenario.onlyStrength;
import static com.retentionadvisor.rules.RuleScenario.signCodes;
import static com.retentionadvisor.rules.RuleScenario.strengthCodes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.retentionadvisor.facts.ContactCounts;

/** Scenarios for rules/churn-signs/strengths.drl: one per strength, with its edge. A strength is never a churn sign. */
class StrengthRulesTest {

    @Test
    void steadyCustomerShowsNoStrength() {
        var steadyCustomer = aCustomer();

        assertEquals(List.of(), strengthCodes(evaluate(steadyCustomer)));
    }

    // --- Strength: the average order value grew by 20% or more ---

    @Test
    void orderValueGrowingByTwentyPercentIsAStrength() {
        var buyingBigger = aCustomer().averageOrderValuePreviousPeriod(100).averageOrderValueLastPeriod(120);

        Evaluation evaluation = evaluate(buyingBigger);

        assertStrength(onlyStrength(evaluation), "ORDER_VALUE_GREW", 10, "Strength: the average order value grew by 20% or more",
                100L, 120L);
        assertEquals(List.of(), signCodes(evaluation));
    }

    @Test
    void orderValueGrowingByNineteenPercentIsNoStrength() {
        var buyingSlightlyBigger = aCustomer().averageOrderValuePreviousPeriod(100).averageOrderValueLastPeriod(119);

        assertEquals(List.of(), strengthCodes(evaluate(buyingSlightlyBigger)));
    }

    @Test
    void firstOrdersAfterAnEmptyPeriodAreNoOrderValueGrowth() {
        var backAfterAPause = aCustomer().ordersPreviousPeriod(0).averageOrderValuePreviousPeriod(0).averageOrderValueLastPeriod(100);

        assertEquals(List.of(), strengthCodes(evaluate(backAfterAPause)));
    }

    // --- Strength: the customer referred others to us ---

    @Test
    void oneReferralIsAStrength() {
        var referrer = aCustomer().referralsGiven(1);

        assertStrength(onlyStrength(evaluate(referrer)), "REFERRALS_GIVEN", 15, "Strength: the customer referred others to us", 1);
    }

    @Test
    void noReferralIsNoStrength() {
        var keepsUsToThemselves = aCustomer().referralsGiven(0);

        assertEquals(List.of(), strengthCodes(evaluate(keepsUsToThemselves)));
    }

    // --- Strength: the customer took part in our events this year ---

    @Test
    void eventAttended364DaysAgoIsAStrength() {
        var cameToOurConference = aCustomer().contacts(ContactCounts.builder()
                .happened(364, INBOUND, EVENT, VALUE, 1)
                .build());

        assertStrength(onlyStrength(evaluate(cameToOurConference)), "EVENT_PARTICIPATION", 10,
                "Strength: the customer took part in our events this year", 1);
    }

    @Test
    void eventAttendedExactly365DaysAgoIsNoStrength() {
        var cameToLastYearsConference = aCustomer().contacts(ContactCounts.builder()
                .happened(365, INBOUND, EVENT, VALUE, 1)
                .build());

        assertEquals(List.of(), strengthCodes(evaluate(cameToLastYearsConference)));
    }

    // --- Strength: the customer asked us for advice or training in the last 90 days ---

    @Test
    void requestForAdvice89DaysAgoIsAStrength() {
        var askedForTraining = aCustomer().contacts(ContactCounts.builder()
                .happened(89, INBOUND, PHONE, VALUE, 2)
                .build());

        assertStrength(onlyStrength(evaluate(askedForTraining)), "CONSULTATION_REQUESTS", 10,
                "Strength: the customer asked us for advice or training in the last 90 days", 2);
    }

    @Test
    void requestForAdviceExactly90DaysAgoIsNoStrength() {
        var askedLastQuarter = aCustomer().contacts(ContactCounts.builder()
                .happened(90, INBOUND, PHONE, VALUE, 1)
                .build());

        assertEquals(List.of(), strengthCodes(evaluate(askedLastQuarter)));
    }

    @Test
    void adviceWeOfferedIsNoRequestOfTheCustomer() {
        var sentUsefulContent = aCustomer().contacts(ContactCounts.builder()
                .happened(10, OUTBOUND, EMAIL, VALUE, 2)
                .build());

        assertEquals(List.of(), strengthCodes(evaluate(sentUsefulContent)));
    }

    // --- Strength: the latest NPS answer is a promoter's (9 or 10) ---

    @Test
    void npsAnswerOfNineIsAPromoterStrength() {
        var promoter = aCustomer().latestNps(9);

        assertStrength(onlyStrength(evaluate(promoter)), "PROMOTER", 15, "Strength: the latest NPS answer is a promoter's (9 or 10)", 9);
    }

    @Test
    void npsAnswerOfTenIsAPromoterStrength() {
        var keenestPromoter = aCustomer().latestNps(10);

        assertStrength(onlyStrength(evaluate(keenestPromoter)), "PROMOTER", 15,
                "Strength: the latest NPS answer is a promoter's (9 or 10)", 10);
    }

    @Test
    void npsAnswerOfEightIsNoStrength() {
        var passive = aCustomer().latestNps(8);

        assertEquals(List.of(), strengthCodes(evaluate(passive)));
    }

    @Test
    void noNpsAnswerIsNoStrength() {
        var neverAnswered = aCustomer().latestNps(null);

        assertEquals(List.of(), strengthCodes(evaluate(neverAnswered)));
    }

    private static void assertStrength(Strength strength, String code, int weight, String rule, Object... evidence) {
        assertEquals(code, strength.getCode());
        assertEquals(weight, strength.getWeight());
        assertEquals(rule, strength.getRule());
        assertEquals(List.of(evidence), strength.getEvidence());
    }
}
