package com.retentionadvisor.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.retentionadvisor.backtest.BacktestMetrics.Decile;
import com.retentionadvisor.backtest.BacktestMetrics.LevelResult;
import com.retentionadvisor.backtest.BacktestMetrics.SignResult;
import com.retentionadvisor.backtest.BacktestMetrics.TopK;
import com.retentionadvisor.rules.RiskLevel;

/**
 * The numbers of a back-test on ten customers, computed by hand. Ranked by score: A 90 (positive), B 70 (positive)
 * and C 70 tied, D 50, E 40 (positive), F 30, G 20 and H 20 (positive) tied, I 0 and J 0 tied (J has no level).
 * Four positives of ten: the base rate is 0.4.
 */
class BacktestMetricsTest {

    private static final double EXACT = 1e-9;

    private final BacktestMetrics metrics = new BacktestMetrics(List.of(
            customer("A", 90, RiskLevel.CRITICAL, true, "X", "Y"),
            customer("B", 70, RiskLevel.HIGH, true, "X"),
            customer("C", 70, RiskLevel.HIGH, false, "Y"),
            customer("D", 50, RiskLevel.MEDIUM, false, "X"),
            customer("E", 40, RiskLevel.MEDIUM, true),
            customer("F", 30, RiskLevel.LOW, false, "Z"),
            customer("G", 20, RiskLevel.LOW, false),
            customer("H", 20, RiskLevel.LOW, true, "Z"),
            customer("I", 0, RiskLevel.LOW, false),
            customer("J", 0, null, false)));

    private static ScoredCustomer customer(String id, int score, RiskLevel level, boolean positive, String... signs) {
        return new ScoredCustomer(id, score, level, Set.of(signs), Set.of(), positive);
    }

    @Test
    void baseRateIsThePositivesAmongTheEvaluated() {
        assertEquals(10, metrics.evaluated());
        assertEquals(4, metrics.positives());
        assertEquals(0.4, metrics.baseRate(), EXACT);
    }

    @Test
    void aucCountsEveryPositiveNegativePairATieCountingHalf() {
        // A beats all 6 negatives; B beats 5 and ties C; E beats F, G, I, J; H ties G and beats I, J: 18 of 24 pairs.
        assertEquals(18 / 24.0, metrics.auc(), EXACT);
    }

    @Test
    void theRocCurveStepsThroughEachScoreAndItsAreaIsTheAuc() {
        // Six negatives, four positives; each distinct score, highest first, lets its customers in together.
        List<BacktestMetrics.RocPoint> roc = metrics.roc();

        assertEquals(List.of(
                new BacktestMetrics.RocPoint(null, 0, 0),
                new BacktestMetrics.RocPoint(90, 0, 0.25),
                new BacktestMetrics.RocPoint(70, 1 / 6.0, 0.5),
                new BacktestMetrics.RocPoint(50, 2 / 6.0, 0.5),
                new BacktestMetrics.RocPoint(40, 2 / 6.0, 0.75),
                new BacktestMetrics.RocPoint(30, 3 / 6.0, 0.75),
                new BacktestMetrics.RocPoint(20, 4 / 6.0, 1.0),
                new BacktestMetrics.RocPoint(0, 1.0, 1.0)), roc);
        double area = 0;
        for (int i = 1; i < roc.size(); i++) {
            area += (roc.get(i).falsePositiveRate() - roc.get(i - 1).falsePositiveRate())
                    * (roc.get(i).truePositiveRate() + roc.get(i - 1).truePositiveRate()) / 2;
        }
        assertEquals(metrics.auc(), area, EXACT);
        assertEquals(List.of(), new BacktestMetrics(List.of(customer("a", 9, null, true))).roc());
    }

    @Test
    void aSignsRateWithoutItIsThatOfTheCustomersNotShowingIt() {
        BacktestMetrics.SignResult x = metrics.signs().stream().filter(sign -> sign.code().equals("X")).findFirst().orElseThrow();

        // X: A, B, D (2 positives of 3); without it: C, E, F, G, H, I, J (2 positives of 7).
        assertEquals(2 / 3.0, x.rate(), EXACT);
        assertEquals(2 / 7.0, x.rateWithout(), EXACT);
    }

    @Test
    void aucIsOneForAPerfectRankingZeroForAReversedOneAndHalfWhenAllScoresAreEqual() {
        assertEquals(1.0, new BacktestMetrics(List.of(customer("a", 9, null, true), customer("b", 1, null, false))).auc(), EXACT);
        assertEquals(0.0, new BacktestMetrics(List.of(customer("a", 1, null, true), customer("b", 9, null, false))).auc(), EXACT);
        assertEquals(0.5, new BacktestMetrics(List.of(customer("a", 5, null, true), customer("b", 5, null, false),
                customer("c", 5, null, false))).auc(), EXACT);
    }

    @Test
    void aucIsUnknownWithoutPositivesOrWithoutNegatives() {
        assertNull(new BacktestMetrics(List.of(customer("a", 9, null, false), customer("b", 1, null, false))).auc());
        assertNull(new BacktestMetrics(List.of(customer("a", 9, null, true))).auc());
        assertNull(new BacktestMetrics(List.of()).baseRate());
    }

    @Test
    void eachLevelPredictsPositiveForTheCustomersAtItOrAbove() {
        List<LevelResult> levels = metrics.levels();

        assertLevel(levels.get(0), RiskLevel.LOW, 4, 1, 0.25, 9, 4 / 9.0, 1.0);
        assertLevel(levels.get(1), RiskLevel.MEDIUM, 2, 1, 0.5, 5, 3 / 5.0, 3 / 4.0);
        assertLevel(levels.get(2), RiskLevel.HIGH, 2, 1, 0.5, 3, 2 / 3.0, 2 / 4.0);
        assertLevel(levels.get(3), RiskLevel.CRITICAL, 1, 1, 1.0, 1, 1.0, 1 / 4.0);
    }

    @Test
    void aLevelNobodyReachesHasNoPrecision() {
        LevelResult critical = new BacktestMetrics(List.of(customer("a", 10, RiskLevel.LOW, true))).levels().get(3);

        assertEquals(0, critical.predictedPositive());
        assertNull(critical.precision());
        assertEquals(0.0, critical.recall(), EXACT);
    }

    @Test
    void topKDefaultsToATenthOfTheEvaluated() {
        assertEquals(1, metrics.defaultK());
        TopK top = metrics.topK(metrics.defaultK());

        assertEquals(1, top.k());
        assertEquals(1.0, top.precision(), EXACT);
        assertEquals(0.25, top.recall(), EXACT);
    }

    @Test
    void topKSharesTheLastPlaceBetweenEqualScores() {
        // A, then one of the two places of B and C (70): half a positive.
        TopK top = metrics.topK(2);

        assertEquals(1.5, top.positives(), EXACT);
        assertEquals(0.75, top.precision(), EXACT);
        assertEquals(0.375, top.recall(), EXACT);
    }

    @Test
    void topKLargerThanTheBaseTakesEveryone() {
        TopK top = metrics.topK(50);

        assertEquals(10, top.k());
        assertEquals(0.4, top.precision(), EXACT);
        assertEquals(1.0, top.recall(), EXACT);
    }

    @Test
    void decilesSpreadTiedCustomersEvenlyAndLiftIsTheRateOverTheBaseRate() {
        List<Decile> deciles = metrics.deciles();

        double[] positives = {1, 0.5, 0.5, 0, 1, 0, 0.5, 0.5, 0, 0};
        assertEquals(10, deciles.size());
        for (int d = 0; d < 10; d++) {
            assertEquals(d + 1, deciles.get(d).decile());
            assertEquals(1, deciles.get(d).customers());
            assertEquals(positives[d], deciles.get(d).positives(), EXACT, "decile " + (d + 1));
            assertEquals(positives[d] / 0.4, deciles.get(d).lift(), EXACT, "decile " + (d + 1));
        }
        assertEquals(90, deciles.get(0).maxScore());
        assertEquals(70, deciles.get(1).minScore());
    }

    @Test
    void decilesOfABaseThatDoesNotDivideByTenDifferByOneCustomerAtMost() {
        List<ScoredCustomer> fifteen = new ArrayList<>();
        IntStream.range(0, 15).forEach(i -> fifteen.add(customer("c" + i, i, null, i % 3 == 0)));

        List<Decile> deciles = new BacktestMetrics(fifteen).deciles();

        assertEquals(List.of(1, 2, 1, 2, 1, 2, 1, 2, 1, 2), deciles.stream().map(Decile::customers).toList());
        assertEquals(5.0, deciles.stream().mapToDouble(Decile::positives).sum(), EXACT);
        assertEquals(14, deciles.get(0).maxScore());
        assertEquals(13, deciles.get(1).maxScore());
        assertEquals(12, deciles.get(1).minScore());
    }

    @Test
    void eachSignCountsTheCustomersShowingItAndThePositivesAmongThem() {
        List<SignResult> signs = metrics.signs();

        assertEquals(List.of("X", "Y", "Z"), signs.stream().map(SignResult::code).toList());
        assertSign(signs.get(0), 3, 2, 2 / 3.0, (2 / 3.0) / 0.4);
        assertSign(signs.get(1), 2, 1, 0.5, 1.25);
        assertSign(signs.get(2), 2, 1, 0.5, 1.25);
    }

    private static void assertLevel(LevelResult result, RiskLevel level, int customers, int positives, double rate,
            int predicted, double precision, double recall) {
        assertEquals(level, result.level());
        assertEquals(customers, result.customers());
        assertEquals(positives, result.positives());
        assertEquals(rate, result.rate(), EXACT);
        assertEquals(predicted, result.predictedPositive());
        assertEquals(precision, result.precision(), EXACT);
        assertEquals(recall, result.recall(), EXACT);
    }

    private static void assertSign(SignResult result, int customers, int positives, double rate, double lift) {
        assertEquals(customers, result.customers());
        assertEquals(positives, result.positives());
        assertEquals(rate, result.rate(), EXACT);
        assertEquals(lift, result.lift(), EXACT);
    }
}
