package com.retentionadvisor.rules;

import static com.retentionadvisor.rules.RuleScenario.aCustomer;
import static com.retentionadvisor.rules.RuleScenario.evaluate;
import static com.retentionadvisor.rules.RuleScenario.onlyRiskAssessment;
import static com.retentionadvisor.rules.RuleScenario.riskScore;
import static com.retentionadvisor.rules.RuleScenario.signCodes;
import static com.retentionadvisor.rules.RiskLevelRulesTest.Sign.EMAILS_UNOPENED;
import static com.retentionadvisor.rules.RiskLevelRulesTest.Sign.MANAGER_CHANGED_WITHOUT_HANDOVER;
import static com.retentionadvisor.rules.RiskLevelRulesTest.Sign.NPS_DETRACTOR;
import static com.retentionadvisor.rules.RiskLevelRulesTest.Sign.ORDERS_FELL;
import static com.retentionadvisor.rules.RiskLevelRulesTest.Sign.SUBSCRIPTION_ENDING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.retentionadvisor.facts.CustomerFacts;

/**
 * Scenarios for rules/risk-levels/levels.drl: each band at its edges, scored by real churn signs.
 * Sign weights are 15, 20, 25, 25 and 30, so every score is a multiple of 5: the upper edges 19, 44 and 69 cannot be
 * built from real signs, and each is tested by the nearest reachable scores on both sides (15/20, 40/45, 65/70).
 */
class RiskLevelRulesTest {

    /** The givens that raise one churn sign each, named by the sign's code; the weight is in the comment. */
    enum Sign {
        MANAGER_CHANGED_WITHOUT_HANDOVER(c -> c.managerChangesLastYear(1).lastManagerChangeWithoutHandover(true)), // 15
        EMAILS_UNOPENED(c -> c.unopenedEmailStreak(3)), // 20
        ORDERS_FELL(c -> c.ordersPreviousPeriod(4).ordersLastPeriod(2)), // 25
        SUBSCRIPTION_ENDING(c -> c.daysToSubscriptionEnd(30).endingSubscriptionAutoRenews(false)), // 25
        NPS_DETRACTOR(c -> c.latestNps(4)); // 30

        final UnaryOperator<CustomerFacts.Builder> given;

        Sign(UnaryOperator<CustomerFacts.Builder> given) {
            this.given = given;
        }
    }

    @Test
    void noSignMeansLowRisk() {
        assertRisk(0, RiskLevel.LOW, "Risk is LOW below 20 points");
    }

    @Test
    void fifteenPointsAreStillLowRisk() {
        assertRisk(15, RiskLevel.LOW, "Risk is LOW below 20 points", MANAGER_CHANGED_WITHOUT_HANDOVER);
    }

    @Test
    void twentyPointsAreMediumRisk() {
        assertRisk(20, RiskLevel.MEDIUM, "Risk is MEDIUM from 20 to 44 points", EMAILS_UNOPENED);
    }

    @Test
    void fortyPointsAreStillMediumRisk() {
        assertRisk(40, RiskLevel.MEDIUM, "Risk is MEDIUM from 20 to 44 points", MANAGER_CHANGED_WITHOUT_HANDOVER, ORDERS_FELL);
    }

    @Test
    void fortyFivePointsAreHighRisk() {
        assertRisk(45, RiskLevel.HIGH, "Risk is HIGH from 45 to 69 points", EMAILS_UNOPENED, ORDERS_FELL);
    }

    @Test
    void fortyFivePointsWithADetractorAreHighRisk() {
        assertRisk(45, RiskLevel.HIGH, "Risk is HIGH from 45 to 69 points", MANAGER_CHANGED_WITHOUT_HANDOVER, NPS_DETRACTOR);
    }

    @Test
    void sixtyFivePointsAreStillHighRisk() {
        assertRisk(65, RiskLevel.HIGH, "Risk is HIGH from 45 to 69 points",
                MANAGER_CHANGED_WITHOUT_HANDOVER, ORDERS_FELL, SUBSCRIPTION_ENDING);
    }

    @Test
    void seventyPointsAreCriticalRisk() {
        assertRisk(70, RiskLevel.CRITICAL, "Risk is CRITICAL from 70 points", EMAILS_UNOPENED, ORDERS_FELL, SUBSCRIPTION_ENDING);
    }

    @Test
    void everySignTogetherIsCriticalRisk() {
        assertRisk(115, RiskLevel.CRITICAL, "Risk is CRITICAL from 70 points", Sign.values());
    }

    /** Raises exactly the given signs, checks they add up to the score under test, then checks the level. */
    private static void assertRisk(int score, RiskLevel level, String rule, Sign... signs) {
        CustomerFacts.Builder customer = aCustomer();
        for (Sign sign : signs) {
            customer = sign.given.apply(customer);
        }

        Evaluation evaluation = evaluate(customer);

        assertEquals(Stream.of(signs).map(Sign::name).sorted().toList(), signCodes(evaluation));
        assertEquals(score, riskScore(evaluation));
        RiskAssessment risk = onlyRiskAssessment(evaluation);
        assertEquals(level, risk.getLevel());
        assertEquals(rule, risk.getRule());
    }
}
