package com.retentionadvisor.rules;

import static com.retentionadvisor.customers.RelationshipStage.AWARENESS;
import static com.retentionadvisor.customers.RelationshipStage.COMMITMENT;
import static com.retentionadvisor.customers.RelationshipStage.DISSOLUTION;
import static com.retentionadvisor.customers.RelationshipStage.EXPANSION;
import static com.retentionadvisor.customers.RelationshipStage.EXPLORATION;
import static com.retentionadvisor.rules.RuleScenario.aCustomer;
import static com.retentionadvisor.rules.RuleScenario.evaluate;
import static com.retentionadvisor.rules.RuleScenario.onlyStageAssessment;
import static com.retentionadvisor.rules.RuleScenario.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.retentionadvisor.customers.CustomerStatus;
import com.retentionadvisor.customers.RelationshipStage;
import com.retentionadvisor.facts.CustomerFacts;

/** Scenarios for rules/stage/stage.drl: the CRM's stage, else the first inference by salience; always exactly one stage. */
class StageRulesTest {

    // --- The stage set by the CRM stands ---

    @ParameterizedTest
    @EnumSource(RelationshipStage.class)
    void stageSetByTheCrmStandsOverInference(RelationshipStage crmStage) {
        // Churned and never ordered: inference alone would say dissolution.
        var churnedCustomerStagedInTheCrm = neverOrdered(aCustomer().status(CustomerStatus.CHURNED)).crmStage(crmStage);

        assertStage(churnedCustomerStagedInTheCrm, crmStage, "The stage set by the CRM stands");
    }

    // --- A churned customer is in dissolution ---

    @Test
    void churnedCustomerIsInDissolution() {
        var churnedCustomer = aCustomer().status(CustomerStatus.CHURNED);

        assertStage(churnedCustomer, DISSOLUTION, "A churned customer is in dissolution");
    }

    @Test
    void churnedCustomerWhoNeverOrderedIsInDissolutionNotAwareness() {
        var churnedProspect = neverOrdered(aCustomer().status(CustomerStatus.CHURNED));

        assertStage(churnedProspect, DISSOLUTION, "A churned customer is in dissolution");
    }

    // --- A customer with no order for a year is in dissolution ---

    @Test
    void customerWithoutOrderFor366DaysIsInDissolution() {
        var lapsedCustomer = aCustomer().daysSinceLastOrder(366).ordersLastPeriod(0).ordersPreviousPeriod(0);

        assertStage(lapsedCustomer, DISSOLUTION, "A customer with no order for a year is in dissolution");
    }

    @Test
    void customerWhoseLastOrderIsExactly365DaysOldIsNotInDissolution() {
        var customerOrderedAYearAgo = aCustomer().daysSinceLastOrder(365).ordersLastPeriod(0).ordersPreviousPeriod(0);

        assertStage(customerOrderedAYearAgo, EXPANSION, "Any other ordering customer is expanding");
    }

    @Test
    void lapsedCustomerWithFewOrdersIsInDissolutionNotExploring() {
        var lapsedOneTimeBuyer = aCustomer().ordersTotal(1).daysSinceLastOrder(500).ordersLastPeriod(0).ordersPreviousPeriod(0);

        assertStage(lapsedOneTimeBuyer, DISSOLUTION, "A customer with no order for a year is in dissolution");
    }

    // --- A customer who never ordered is in awareness ---

    @Test
    void customerWhoseOrdersHalvedIsDriftingIntoDissolution() {
        var longStandingCustomerOrderingLess = aCustomer().tenureDays(900).ordersTotal(20).ordersPreviousPeriod(4).ordersLastPeriod(2);

        assertStage(longStandingCustomerOrderingLess, DISSOLUTION,
                "A customer whose orders fell to half of the period before is drifting into dissolution");
    }

    @Test
    void customerWhoseOrdersFellByLessThanHalfIsNotDrifting() {
        var longStandingCustomerOrderingSlightlyLess = aCustomer().tenureDays(900).ordersTotal(20).ordersPreviousPeriod(4).ordersLastPeriod(3);

        assertStage(longStandingCustomerOrderingSlightlyLess, COMMITMENT,
                "A customer of two years who still orders every period is committed");
    }

    @Test
    void customerWhoNeverOrderedIsInAwareness() {
        var prospect = neverOrdered(aCustomer());

        assertStage(prospect, AWARENESS, "A customer who never ordered is in awareness");
    }

    @Test
    void newCustomerWhoNeverOrderedIsInAwarenessNotExploring() {
        var newProspect = neverOrdered(aCustomer().tenureDays(10));

        assertStage(newProspect, AWARENESS, "A customer who never ordered is in awareness");
    }

    // --- A customer in the first 180 days or with fewer than 3 orders is exploring ---

    @Test
    void customerOnDay179IsExploring() {
        var newCustomer = aCustomer().tenureDays(179);

        assertStage(newCustomer, EXPLORATION, "A customer in the first 180 days or with fewer than 3 orders is exploring");
    }

    @Test
    void customerOnDay180IsNoLongerExploring() {
        var customerOfHalfAYear = aCustomer().tenureDays(180);

        assertStage(customerOfHalfAYear, EXPANSION, "Any other ordering customer is expanding");
    }

    @Test
    void customerWithTwoOrdersIsExploring() {
        var twoOrderCustomer = aCustomer().ordersTotal(2).ordersLastPeriod(1).ordersPreviousPeriod(1);

        assertStage(twoOrderCustomer, EXPLORATION, "A customer in the first 180 days or with fewer than 3 orders is exploring");
    }

    @Test
    void customerWithThreeOrdersIsNoLongerExploring() {
        var threeOrderCustomer = aCustomer().ordersTotal(3).ordersLastPeriod(1).ordersPreviousPeriod(1);

        assertStage(threeOrderCustomer, EXPANSION, "Any other ordering customer is expanding");
    }

    @Test
    void customerOfTwoYearsWithTwoOrdersIsStillExploring() {
        var longStandingTwoOrderCustomer = aCustomer().tenureDays(800).ordersTotal(2).ordersLastPeriod(1).ordersPreviousPeriod(1);

        assertStage(longStandingTwoOrderCustomer, EXPLORATION,
                "A customer in the first 180 days or with fewer than 3 orders is exploring");
    }

    // --- A customer who buys from 2 or more product lines and still orders is expanding ---

    @Test
    void customerBuyingFromTwoProductLinesIsExpanding() {
        var customerOfTwoProductLines = aCustomer().productLines(2);

        assertStage(customerOfTwoProductLines, EXPANSION,
                "A customer who buys from 2 or more product lines and still orders is expanding");
    }

    @Test
    void customerBuyingFromOneProductLineIsExpandingForNoOtherReason() {
        var customerOfOneProductLine = aCustomer().productLines(1);

        assertStage(customerOfOneProductLine, EXPANSION, "Any other ordering customer is expanding");
    }

    @Test
    void customerOfTwoProductLinesWithoutOrderLastPeriodIsNotExpandingByProductLines() {
        var customerOfTwoProductLinesPausing = aCustomer().productLines(2).ordersLastPeriod(0).ordersPreviousPeriod(1);

        assertStage(customerOfTwoProductLinesPausing, EXPANSION, "Any other ordering customer is expanding");
    }

    @Test
    void customerOfTwoProductLinesOnDay729IsExpanding() {
        var almostTwoYearsOnTwoProductLines = aCustomer().productLines(2).tenureDays(729);

        assertStage(almostTwoYearsOnTwoProductLines, EXPANSION,
                "A customer who buys from 2 or more product lines and still orders is expanding");
    }

    @Test
    void customerOfTwoYearsOnTwoProductLinesIsCommitted() {
        var loyalCustomerOfTwoProductLines = aCustomer().productLines(2).tenureDays(730);

        assertStage(loyalCustomerOfTwoProductLines, COMMITMENT, "A customer of two years who still orders every period is committed");
    }

    @Test
    void newCustomerOfTwoProductLinesIsStillExploring() {
        var newCustomerOfTwoProductLines = aCustomer().productLines(2).tenureDays(179);

        assertStage(newCustomerOfTwoProductLines, EXPLORATION,
                "A customer in the first 180 days or with fewer than 3 orders is exploring");
    }

    // --- A customer on a running annual contract for over a year who still orders is committed ---

    @Test
    void customerOfAYearOnARunningAnnualContractIsCommitted() {
        var annualContractCustomerOfAYear = aCustomer().tenureDays(365).endingSubscriptionAnnual(true).daysToSubscriptionEnd(200);

        assertStage(annualContractCustomerOfAYear, COMMITMENT,
                "A customer on a running annual contract for over a year who still orders is committed");
    }

    @Test
    void customerOnDay364OfAnAnnualContractIsNotYetCommitted() {
        var annualContractCustomerAlmostAYear = aCustomer().tenureDays(364).endingSubscriptionAnnual(true).daysToSubscriptionEnd(200);

        assertStage(annualContractCustomerAlmostAYear, EXPANSION, "Any other ordering customer is expanding");
    }

    @Test
    void annualContractCustomerWithoutOrderLastPeriodIsNotCommittedByTheContract() {
        var annualContractCustomerPausing = aCustomer().endingSubscriptionAnnual(true).daysToSubscriptionEnd(200)
                .ordersLastPeriod(0).ordersPreviousPeriod(1);

        assertStage(annualContractCustomerPausing, EXPANSION, "Any other ordering customer is expanding");
    }

    @Test
    void customerWithoutARunningSubscriptionIsNotCommittedByAContract() {
        var contractEnded = aCustomer().endingSubscriptionAnnual(true).daysToSubscriptionEnd(null);

        assertStage(contractEnded, EXPANSION, "Any other ordering customer is expanding");
    }

    @Test
    void annualContractCustomerBuyingFromTwoProductLinesIsExpanding() {
        // The product-lines rule comes first (salience 170 over 160).
        var annualContractCustomerOfTwoProductLines = aCustomer().productLines(2).endingSubscriptionAnnual(true).daysToSubscriptionEnd(200);

        assertStage(annualContractCustomerOfTwoProductLines, EXPANSION,
                "A customer who buys from 2 or more product lines and still orders is expanding");
    }

    // --- A customer of two years who still orders every period is committed ---

    @Test
    void customerOfExactlyTwoYearsOrderingEveryPeriodIsCommitted() {
        var loyalCustomer = aCustomer().tenureDays(730);

        assertStage(loyalCustomer, COMMITMENT, "A customer of two years who still orders every period is committed");
    }

    @Test
    void customerOnDay729IsNotYetCommitted() {
        var almostTwoYears = aCustomer().tenureDays(729);

        assertStage(almostTwoYears, EXPANSION, "Any other ordering customer is expanding");
    }

    @Test
    void longStandingCustomerWithoutOrderLastPeriodIsNotCommitted() {
        var pausedLastPeriod = aCustomer().tenureDays(800).ordersLastPeriod(0).ordersPreviousPeriod(1);

        assertStage(pausedLastPeriod, EXPANSION, "Any other ordering customer is expanding");
    }

    @Test
    void longStandingCustomerWithoutOrderInThePreviousPeriodIsNotCommitted() {
        var pausedPeriodBefore = aCustomer().tenureDays(800).ordersLastPeriod(1).ordersPreviousPeriod(0);

        assertStage(pausedPeriodBefore, EXPANSION, "Any other ordering customer is expanding");
    }

    // --- Any other ordering customer is expanding ---

    @Test
    void steadyCustomerIsExpanding() {
        var steadyCustomer = aCustomer();

        assertStage(steadyCustomer, EXPANSION, "Any other ordering customer is expanding");
    }

    private static CustomerFacts.Builder neverOrdered(CustomerFacts.Builder customer) {
        return customer.ordersTotal(0).ordersLastPeriod(0).ordersPreviousPeriod(0).daysSinceLastOrder(null);
    }

    /** Exactly one stage results, decided by the named rule. */
    private static void assertStage(CustomerFacts.Builder customer, RelationshipStage expected, String rule) {
        Evaluation evaluation = evaluate(customer);
        assertEquals(expected, stage(evaluation));
        assertEquals(rule, onlyStageAssessment(evaluation).getRule());
    }
}
