package com.retentionadvisor.rules;

import static com.retentionadvisor.rules.RiskLevelRulesTest.Given.DEALS_LOST;
import static com.retentionadvisor.rules.RiskLevelRulesTest.Given.DEAL_STALLED;
import static com.retentionadvisor.rules.RiskLevelRulesTest.Given.EMAILS_UNOPENED;
import static com.retentionadvisor.rules.RiskLevelRulesTest.Given.MANAGER_CHANGED;
import static com.retentionadvisor.rules.RiskLevelRulesTest.Given.MANAGER_CHANGED_WITHOUT_HANDOVER;
import static com.retentionadvisor.rules.RiskLevelRulesTest.Given.NPS_DETRACTOR;
import static com.retentionadvisor.rules.RiskLevelRulesTest.Given.ORDERS_FELL;
import static com.retentionadvisor.rules.RiskLevelRulesTest.Given.PROMOTER;
import static com.retentionadvisor.rules.RiskLevelRulesTest.Given.REFERRALS_GIVEN;
import static com.retentionadvisor.rules.RiskLevelRulesTest.Given.SUBSCRIPTION_ENDING;
import static com.retentionadvisor.rules.RuleScenario.aCustomer;
import static com.retentionadvisor.rules.RuleScenario.evaluate;
import static com.retentionadvisor.rules.RuleScenario.onlyRiskAssessment;
import static com.retentionadvisor.rules.RuleScenario.onlyRiskScore;
import static com.retentionadvisor.rules.RuleScenario.riskScore;
import static com.retentionadvisor.rules.RuleScenario.signCodes;
import static com.retentionadvisor.rules.RuleScenario.strengthCodes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.retentionadvisor.facts.CustomerFacts;

/**
 * Scenarios for rules/risk-levels: the score (score.drl) and each segment's bands (bands-by-segment.drl.csv) at their
 * edges, scored by real churn signs and strengths. Every weight is a multiple of 5, so an upper edge such as 19 cannot
 * be built from real signs; each edge is tested by the nearest reachable scores on both sides (15/20, 40/45, 65/70).
 */
class RiskLevelRulesTest {

    private static final String SCORE_RULE = "The risk score is the signs' weights less the strengths' weights";
    private static final String OWN_BANDS_RULE = "The risk level comes from the bands of the customer's segment";
    private static final String FALLBACK_BANDS_RULE = "The risk level comes from the bands of segment * (the segment has no bands of its own)";

    /** The givens that raise one churn sign or strength each, named by its code; the weight is in the comment. */
    enum Given {
        MANAGER_CHANGED(c -> c.managerChangesLastYear(1).managerChangesTotal(1).lastManagerChangeWithoutHandover(false)), // 5
        DEAL_STALLED(c -> c.openDeals(1).oldestOpenDealDays(90)), // 10
        DEALS_LOST(c -> c.lostDealsLastPeriod(1)), // 15
        MANAGER_CHANGED_WITHOUT_HANDOVER(c -> c.managerChangesLastYear(1).managerChangesTotal(1).lastManagerChangeWithoutHandover(true)), // 15
        EMAILS_UNOPENED(c -> c.unopenedEmailStreak(3)), // 20
        ORDERS_FELL(c -> c.ordersPreviousPeriod(4).ordersLastPeriod(2)), // 25
        SUBSCRIPTION_ENDING(c -> c.daysToSubscriptionEnd(30).endingSubscriptionAutoRenews(false)), // 25
        NPS_DETRACTOR(c -> c.latestNps(4)), // 30
        REFERRALS_GIVEN(c -> c.referralsGiven(1)), // strength, 15
        PROMOTER(c -> c.latestNps(9)); // strength, 15

        final UnaryOperator<CustomerFacts.Builder> given;

        Given(UnaryOperator<CustomerFacts.Builder> given) {
            this.given = given;
        }

        boolean isStrength() {
            return this == REFERRALS_GIVEN || this == PROMOTER;
        }
    }

    // --- The risk score is the signs' weights less the strengths' weights ---

    @Test
    void noSignAndNoStrengthScoreZero() {
        Evaluation evaluation = evaluate(aCustomer());

        assertScore(onlyRiskScore(evaluation), 0, 0, 0);
    }

    @Test
    void strengthsAreSubtractedFromTheSigns() {
        var buyingLessButReferringOthers = with(aCustomer(), ORDERS_FELL, REFERRALS_GIVEN);

        Evaluation evaluation = evaluate(buyingLessButReferringOthers);

        assertScore(onlyRiskScore(evaluation), 10, 25, 15);
    }

    @Test
    void strengthsOutweighingTheSignsScoreZeroNotBelow() {
        var promoterWithANewManager = with(aCustomer(), MANAGER_CHANGED, PROMOTER, REFERRALS_GIVEN);

        Evaluation evaluation = evaluate(promoterWithANewManager);

        assertScore(onlyRiskScore(evaluation), 0, 5, 30);
        assertEquals(RiskLevel.LOW, onlyRiskAssessment(evaluation).getLevel());
    }

    @Test
    void levelFollowsTheScoreAfterStrengths() {
        // 45 points of signs would be HIGH; a referral brings the score down to 30, MEDIUM.
        assertRisk("SMB", 30, RiskLevel.MEDIUM, FALLBACK_BANDS_RULE, EMAILS_UNOPENED, ORDERS_FELL, REFERRALS_GIVEN);
    }

    // --- bands-by-segment.drl.csv: every band at its lowest score and at the highest score below the next band ---

    @ParameterizedTest(name = "{0}: {2} points")
    @CsvSource(delimiter = '|', textBlock = """
            Risk band: LOW below 20 points                    | SMB        | 0  | LOW      |
            Risk band: LOW below 20 points                    | SMB        | 15 | LOW      | MANAGER_CHANGED_WITHOUT_HANDOVER
            Risk band: MEDIUM from 20 to 44 points            | SMB        | 20 | MEDIUM   | EMAILS_UNOPENED
            Risk band: MEDIUM from 20 to 44 points            | SMB        | 40 | MEDIUM   | MANAGER_CHANGED_WITHOUT_HANDOVER ORDERS_FELL
            Risk band: HIGH from 45 to 69 points              | SMB        | 45 | HIGH     | EMAILS_UNOPENED ORDERS_FELL
            Risk band: HIGH from 45 to 69 points              | SMB        | 65 | HIGH     | MANAGER_CHANGED_WITHOUT_HANDOVER ORDERS_FELL SUBSCRIPTION_ENDING
            Risk band: CRITICAL from 70 points                | SMB        | 70 | CRITICAL | EMAILS_UNOPENED ORDERS_FELL SUBSCRIPTION_ENDING
            Enterprise risk band: LOW below 15 points         | ENTERPRISE | 0  | LOW      |
            Enterprise risk band: LOW below 15 points         | ENTERPRISE | 10 | LOW      | DEAL_STALLED
            Enterprise risk band: MEDIUM from 15 to 34 points | ENTERPRISE | 15 | MEDIUM   | DEALS_LOST
            Enterprise risk band: MEDIUM from 15 to 34 points | ENTERPRISE | 30 | MEDIUM   | NPS_DETRACTOR
            Enterprise risk band: HIGH from 35 to 59 points   | ENTERPRISE | 35 | HIGH     | DEAL_STALLED ORDERS_FELL
            Enterprise risk band: HIGH from 35 to 59 points   | ENTERPRISE | 55 | HIGH     | ORDERS_FELL NPS_DETRACTOR
            Enterprise risk band: CRITICAL from 60 points     | ENTERPRISE | 60 | CRITICAL | ORDERS_FELL SUBSCRIPTION_ENDING DEAL_STALLED
            B2C risk band: LOW below 25 points                | B2C        | 0  | LOW      |
            B2C risk band: LOW below 25 points                | B2C        | 20 | LOW      | EMAILS_UNOPENED
            B2C risk band: MEDIUM from 25 to 49 points        | B2C        | 25 | MEDIUM   | ORDERS_FELL
            B2C risk band: MEDIUM from 25 to 49 points        | B2C        | 45 | MEDIUM   | EMAILS_UNOPENED ORDERS_FELL
            B2C risk band: HIGH from 50 to 79 points          | B2C        | 50 | HIGH     | EMAILS_UNOPENED NPS_DETRACTOR
            B2C risk band: HIGH from 50 to 79 points          | B2C        | 75 | HIGH     | EMAILS_UNOPENED ORDERS_FELL NPS_DETRACTOR
            B2C risk band: CRITICAL from 80 points            | B2C        | 80 | CRITICAL | ORDERS_FELL SUBSCRIPTION_ENDING NPS_DETRACTOR
            """)
    void scoreGetsTheLevelOfItsBand(String band, String segment, int score, RiskLevel level, String givens) {
        // SMB has no bands of its own: it is judged by those of segment *.
        String rule = segment.equals("SMB") ? FALLBACK_BANDS_RULE : OWN_BANDS_RULE;
        Given[] signs = givens == null ? new Given[0] : Stream.of(givens.split(" ")).map(Given::valueOf).toArray(Given[]::new);

        assertRisk(segment, score, level, rule, signs);
    }

    @Test
    void fortyFivePointsWithADetractorAreHighRisk() {
        assertRisk("SMB", 45, RiskLevel.HIGH, FALLBACK_BANDS_RULE, MANAGER_CHANGED_WITHOUT_HANDOVER, NPS_DETRACTOR);
    }

    @Test
    void manySignsTogetherAreCriticalRisk() {
        assertRisk("SMB", 140, RiskLevel.CRITICAL, FALLBACK_BANDS_RULE, DEAL_STALLED, DEALS_LOST, MANAGER_CHANGED_WITHOUT_HANDOVER,
                EMAILS_UNOPENED, ORDERS_FELL, SUBSCRIPTION_ENDING, NPS_DETRACTOR);
    }

    @Test
    void segmentUnknownToTheBandsUsesTheBandsOfSegmentStar() {
        assertRisk("PUBLIC_SECTOR", 20, RiskLevel.MEDIUM, FALLBACK_BANDS_RULE, EMAILS_UNOPENED);
    }

    @Test
    void customerWithoutSegmentUsesTheBandsOfSegmentStar() {
        assertRisk(null, 45, RiskLevel.HIGH, FALLBACK_BANDS_RULE, EMAILS_UNOPENED, ORDERS_FELL);
    }

    // --- a segment's own bands replace those of segment *: ENTERPRISE is alarmed sooner, B2C later ---

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ENTERPRISE | HIGH   | The risk level comes from the bands of the customer's segment
            SMB        | HIGH   | The risk level comes from the bands of segment * (the segment has no bands of its own)
            B2C        | MEDIUM | The risk level comes from the bands of the customer's segment
            """)
    void sameFortyFivePointsAreJudgedByEachSegmentsBands(String segment, RiskLevel level, String rule) {
        assertRisk(segment, 45, level, rule, EMAILS_UNOPENED, ORDERS_FELL);
    }

    private static CustomerFacts.Builder with(CustomerFacts.Builder customer, Given... givens) {
        for (Given given : givens) {
            customer = given.given.apply(customer);
        }
        return customer;
    }

    /** Raises exactly the given signs and strengths, checks the score under test, then the one level and its rule. */
    private static void assertRisk(String segment, int score, RiskLevel level, String rule, Given... givens) {
        Evaluation evaluation = evaluate(with(aCustomer().segment(segment), givens));

        assertEquals(codes(givens, false), signCodes(evaluation));
        assertEquals(codes(givens, true), strengthCodes(evaluation));
        assertEquals(score, riskScore(evaluation));
        RiskAssessment risk = onlyRiskAssessment(evaluation);
        assertEquals(level, risk.getLevel());
        assertEquals(rule, risk.getRule());
    }

    private static List<String> codes(Given[] givens, boolean strengths) {
        return Stream.of(givens).filter(g -> g.isStrength() == strengths).map(Given::name).sorted().toList();
    }

    private static void assertScore(RiskScore score, int points, int signPoints, int strengthPoints) {
        assertEquals(points, score.getPoints());
        assertEquals(signPoints, score.getSignPoints());
        assertEquals(strengthPoints, score.getStrengthPoints());
        assertEquals(SCORE_RULE, score.getRule());
    }
}
