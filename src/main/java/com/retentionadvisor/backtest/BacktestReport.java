package com.retentionadvisor.backtest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import com.retentionadvisor.backtest.BacktestMetrics.Decile;
import com.retentionadvisor.backtest.BacktestMetrics.LevelResult;
import com.retentionadvisor.backtest.BacktestMetrics.RocPoint;
import com.retentionadvisor.backtest.BacktestMetrics.SignResult;
import com.retentionadvisor.backtest.BacktestMetrics.TopK;
import com.retentionadvisor.facts.GlobalCondition;

/**
 * Whether a ruleset's risk at the cut-off foretold what happened after it. Rates, precisions, recalls, lifts and the
 * AUC are rounded to four decimals; null where they cannot be computed (no positives, no customer at a level, …).
 */
public record BacktestReport(
        String rulesetVersion,
        boolean candidate,
        Instant cutoff,
        String horizon,
        Instant until,
        Outcome outcome,
        int customers,
        Excluded excluded,
        int evaluated,
        int positives,
        Double baseRate,
        Double auc,
        List<RocPoint> roc,
        List<LevelResult> riskLevels,
        TopK topK,
        List<Decile> deciles,
        List<SignResult> signs,
        List<SignResult> strengths,
        List<String> globalFacts,
        List<String> notes) {

    /** The customers left out, by reason; each customer is counted once, under the first reason that applies. */
    public record Excluded(int total, int createdAfterCutoff, int noActivityBeforeCutoff, int churnedByCutoff,
            int churnedWhenUnknown) {

        static Excluded count(Collection<CustomerOutcome> base) {
            int[] counts = new int[Exclusion.values().length];
            base.stream().filter(CustomerOutcome::excluded).forEach(c -> counts[c.exclusion().ordinal()]++);
            return new Excluded(Arrays.stream(counts).sum(), counts[Exclusion.CREATED_AFTER_CUTOFF.ordinal()],
                    counts[Exclusion.NO_ACTIVITY_BEFORE_CUTOFF.ordinal()], counts[Exclusion.CHURNED_BY_CUTOFF.ordinal()],
                    counts[Exclusion.CHURNED_WHEN_UNKNOWN.ordinal()]);
        }
    }

    static BacktestReport of(BacktestRequest request, String rulesetVersion, boolean candidate, Collection<CustomerOutcome> base,
            BacktestMetrics metrics, List<GlobalCondition> conditions) {
        TopK top = metrics.topK(request.topK() == null ? metrics.defaultK() : request.topK());
        return new BacktestReport(rulesetVersion, candidate, request.cutoff(), request.horizon(), request.until(),
                request.outcome(), base.size(), Excluded.count(base), metrics.evaluated(), metrics.positives(),
                round(metrics.baseRate()), round(metrics.auc()),
                metrics.roc().stream().map(p -> new RocPoint(p.atLeastScore(), round(p.falsePositiveRate()),
                        round(p.truePositiveRate()))).toList(),
                metrics.levels().stream().map(l -> new LevelResult(l.level(), l.customers(), l.positives(), round(l.rate()),
                        l.predictedPositive(), round(l.precision()), round(l.recall()))).toList(),
                new TopK(top.k(), round(top.positives()), round(top.precision()), round(top.recall())),
                metrics.deciles().stream().map(d -> new Decile(d.decile(), d.customers(), d.minScore(), d.maxScore(),
                        round(d.positives()), round(d.rate()), round(d.lift()))).toList(),
                metrics.signs().stream().map(s -> new SignResult(s.code(), s.customers(), s.positives(), round(s.rate()),
                        round(s.lift()), round(s.rateWithout()))).toList(),
                metrics.strengths().stream().map(s -> new SignResult(s.code(), s.customers(), s.positives(), round(s.rate()),
                        round(s.lift()), round(s.rateWithout()))).toList(),
                conditions.stream().map(GlobalCondition::getName).toList(),
                notes(request));
    }

    private static List<String> notes(BacktestRequest request) {
        List<String> notes = new ArrayList<>();
        notes.add("Every customer is evaluated as of the cut-off on their history up to it (contacts, deals, surveys,"
                + " emails, tickets, ownership); the status is as at the cut-off where the churn is dated.");
        notes.add("Leakage: the segment and the CRM's stage are the customer's current ones, not those of the cut-off"
                + " (they keep no history), and every record is seen as the CRM last sent it (a subscription whose end"
                + " was moved since is seen with its new end).");
        notes.add("Global facts keep no history: only those active now and unchanged since before the cut-off are applied.");
        notes.add(request.outcome() == Outcome.NO_ORDER
                ? "Positive: no won deal closed after the cut-off and up to " + request.until() + "."
                : "Positive: churned after the cut-off and up to " + request.until() + ".");
        notes.add("A risk level's precision and recall count the customers at that level or above as predicted positive.");
        notes.add("Customers with equal scores share the places where the ranking is cut (top-k, deciles), so those"
                + " may count a fraction of a positive.");
        return notes;
    }

    private static Double round(Double value) {
        return value == null ? null : Math.round(value * 10_000) / 10_000.0;
    }
}
