package com.retentionadvisor.backtest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.retentionadvisor.rules.RiskLevel;

/**
 * How well the risk at the cut-off foretold the outcome, over the evaluated customers. Customers with equal scores
 * cannot be told apart by the score, so wherever a ranking is cut (top-k, deciles) they share the places around the
 * cut evenly: a decile or the top-k may hold a fraction of a positive.
 */
public final class BacktestMetrics {

    private final List<ScoredCustomer> customers;
    // Groups of equal scores, highest score first: their place in the ranking is [start, start + size).
    private final List<Tie> ranking = new ArrayList<>();
    private final int positives;

    public BacktestMetrics(List<ScoredCustomer> evaluated) {
        this.customers = List.copyOf(evaluated);
        this.positives = (int) customers.stream().filter(ScoredCustomer::positive).count();
        Map<Integer, int[]> byScore = new TreeMap<>(Comparator.reverseOrder());
        for (ScoredCustomer customer : customers) {
            int[] counts = byScore.computeIfAbsent(customer.score(), score -> new int[2]);
            counts[0]++;
            counts[1] += customer.positive() ? 1 : 0;
        }
        int start = 0;
        for (var group : byScore.entrySet()) {
            ranking.add(new Tie(group.getKey(), start, group.getValue()[0], group.getValue()[1]));
            start += group.getValue()[0];
        }
    }

    public int evaluated() {
        return customers.size();
    }

    public int positives() {
        return positives;
    }

    /** Positives among the evaluated; null when none were evaluated. */
    public Double baseRate() {
        return ratio(positives, customers.size());
    }

    /**
     * ROC AUC of the score (Mann-Whitney): the chance that a positive customer scored higher than a negative one,
     * a tie counting half. 0.5 is no better than chance; null without both positives and negatives.
     */
    public Double auc() {
        long negatives = customers.size() - positives;
        if (positives == 0 || negatives == 0) {
            return null;
        }
        // Ranks from the lowest score up; equal scores share the mean of their ranks.
        double positiveRankSum = 0;
        int below = customers.size();
        for (Tie tie : ranking) {
            below -= tie.size;
            double meanRank = below + (tie.size + 1) / 2.0;
            positiveRankSum += meanRank * tie.positives;
        }
        double u = positiveRankSum - positives * (positives + 1) / 2.0;
        return u / (positives * (double) negatives);
    }

    /**
     * The ROC curve of the score, from (0, 0) to (1, 1): one point per distinct score, highest first, customers with
     * equal scores entering together (the straight line between two points is what the AUC's half credit for a tie
     * draws, so the area under these points is {@link #auc()}). Empty without both positives and negatives.
     */
    public List<RocPoint> roc() {
        long negatives = customers.size() - positives;
        if (positives == 0 || negatives == 0) {
            return List.of();
        }
        List<RocPoint> curve = new ArrayList<>();
        curve.add(new RocPoint(null, 0, 0));
        int truePositives = 0;
        int falsePositives = 0;
        for (Tie tie : ranking) {
            truePositives += tie.positives;
            falsePositives += tie.size - tie.positives;
            curve.add(new RocPoint(tie.score, falsePositives / (double) negatives, truePositives / (double) positives));
        }
        return curve;
    }

    /**
     * Per risk level, the customers at that level or above counted as predicted positive: how many of them turned
     * out positive (precision) and how many of all positives they caught (recall). Customers without a level are
     * never predicted positive.
     */
    public List<LevelResult> levels() {
        List<LevelResult> levels = new ArrayList<>();
        for (RiskLevel level : RiskLevel.values()) {
            int atLevel = 0;
            int positivesAtLevel = 0;
            int predicted = 0;
            int truePositives = 0;
            for (ScoredCustomer customer : customers) {
                if (customer.level() == level) {
                    atLevel++;
                    positivesAtLevel += customer.positive() ? 1 : 0;
                }
                if (customer.level() != null && customer.level().compareTo(level) >= 0) {
                    predicted++;
                    truePositives += customer.positive() ? 1 : 0;
                }
            }
            levels.add(new LevelResult(level, atLevel, positivesAtLevel, ratio(positivesAtLevel, atLevel), predicted,
                    ratio(truePositives, predicted), ratio(truePositives, positives)));
        }
        return levels;
    }

    /** The k highest scores predicted positive: precision and recall (k is capped at the customers evaluated). */
    public TopK topK(int k) {
        int places = Math.min(k, customers.size());
        double truePositives = positivesIn(0, places);
        return new TopK(places, truePositives, places == 0 ? null : truePositives / places,
                positives == 0 ? null : truePositives / positives);
    }

    /** 10% of the customers evaluated, at least one: the default k. */
    public int defaultK() {
        return Math.max(1, (int) Math.round(customers.size() / 10.0));
    }

    /**
     * The ranking cut in ten, highest scores first; a decile's lift is its positive rate over the base rate (2.0:
     * twice as many positives as in the whole base). Deciles differ by one customer at most when the count does not
     * divide by ten.
     */
    public List<Decile> deciles() {
        List<Decile> deciles = new ArrayList<>();
        int n = customers.size();
        if (n == 0) {
            return deciles;
        }
        Double base = baseRate();
        for (int d = 0; d < 10; d++) {
            int from = d * n / 10;
            int to = (d + 1) * n / 10;
            if (to == from) {
                continue;
            }
            double found = positivesIn(from, to);
            double rate = found / (to - from);
            deciles.add(new Decile(d + 1, to - from, scoreAt(to - 1), scoreAt(from), found, rate,
                    base == null || base == 0 ? null : rate / base));
        }
        return deciles;
    }

    /** Per sign shown at the cut-off: the customers showing it, how many of them turned out positive, and the lift. */
    public List<SignResult> signs() {
        return byCode(ScoredCustomer::signs);
    }

    /** The same per strength shown at the cut-off: a strength worth its points has a lift below 1. */
    public List<SignResult> strengths() {
        return byCode(ScoredCustomer::strengths);
    }

    private List<SignResult> byCode(java.util.function.Function<ScoredCustomer, java.util.Set<String>> codes) {
        Map<String, int[]> bySign = new TreeMap<>();
        for (ScoredCustomer customer : customers) {
            for (String sign : codes.apply(customer)) {
                int[] counts = bySign.computeIfAbsent(sign, code -> new int[2]);
                counts[0]++;
                counts[1] += customer.positive() ? 1 : 0;
            }
        }
        Double base = baseRate();
        return bySign.entrySet().stream()
                .map(e -> {
                    double rate = e.getValue()[1] / (double) e.getValue()[0];
                    return new SignResult(e.getKey(), e.getValue()[0], e.getValue()[1], rate,
                            base == null || base == 0 ? null : rate / base,
                            ratio(positives - e.getValue()[1], customers.size() - e.getValue()[0]));
                })
                .sorted(Comparator.comparing(SignResult::rate).reversed().thenComparing(SignResult::code))
                .toList();
    }

    // Expected positives in the places [from, to) of the ranking: a tie straddling a bound counts in proportion.
    private double positivesIn(int from, int to) {
        double found = 0;
        for (Tie tie : ranking) {
            int overlap = Math.min(to, tie.start + tie.size) - Math.max(from, tie.start);
            if (overlap > 0) {
                found += tie.positives * (double) overlap / tie.size;
            }
        }
        return found;
    }

    private int scoreAt(int place) {
        return ranking.stream().filter(tie -> place >= tie.start && place < tie.start + tie.size)
                .findFirst().orElseThrow().score;
    }

    private static Double ratio(double part, double whole) {
        return whole == 0 ? null : part / whole;
    }

    private record Tie(int score, int start, int size, int positives) {
    }

    /**
     * A risk level: customers at exactly this level and their positive rate; then, counting every customer at this
     * level or above as predicted positive, precision and recall.
     */
    public record LevelResult(RiskLevel level, int customers, int positives, Double rate, int predictedPositive,
            Double precision, Double recall) {
    }

    /** The k highest scores: the positives among them (a fraction when ties straddle the cut), precision and recall. */
    public record TopK(int k, double positives, Double precision, Double recall) {
    }

    /** One tenth of the ranking (1: the highest scores), its score range, positives, rate and lift over the base rate. */
    public record Decile(int decile, int customers, int minScore, int maxScore, double positives, double rate, Double lift) {
    }

    /**
     * A sign shown at the cut-off: the customers showing it, the positives among them, the rate and its lift; and the
     * rate among the customers not showing it (null when every customer shows it).
     */
    public record SignResult(String code, int customers, int positives, double rate, Double lift, Double rateWithout) {
    }

    /**
     * A point of the ROC curve: counting every customer scoring at least {@code atLeastScore} as predicted positive,
     * the share of negatives so predicted (false positive rate) and the share of positives (true positive rate).
     */
    public record RocPoint(Integer atLeastScore, double falsePositiveRate, double truePositiveRate) {
    }
}
