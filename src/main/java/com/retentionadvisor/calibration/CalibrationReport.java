package com.retentionadvisor.calibration;

import java.time.Instant;
import java.util.List;
import java.util.SortedMap;

import com.retentionadvisor.backtest.Outcome;
import com.retentionadvisor.rules.RiskLevel;

/**
 * A calibration's proposal and what it rests on: the customers it was fitted on, the points proposed for each sign and
 * strength beside the current ones, the base points, the risk bands by churn rate, a preview of the proposal on the
 * same customers (in-sample: back-test it at another cut-off to see whether it holds), the scenarios it would break,
 * and the proposed files themselves. Nothing is applied: the files are published like any other change.
 */
public record CalibrationReport(
        String rulesetVersion,
        boolean candidate,
        Instant cutoff,
        String horizon,
        Instant until,
        Outcome outcome,
        int customers,
        int positives,
        Double baseRate,
        Settings settings,
        Base base,
        List<Weight> weights,
        List<Band> bands,
        Preview preview,
        String proposedVersion,
        List<String> scenarioFailures,
        SortedMap<String, String> files,
        List<String> notes) {

    public record Settings(int pointsToDoubleOdds, int evenOddsScore, int minCustomers, double regularisation, List<Double> levelRates) {
    }

    /** The points every customer starts at; {@code intercept} the fitted log-odds of a customer who shows nothing. */
    public record Base(int currentPoints, int proposedPoints, double intercept) {
    }

    /**
     * One sign or strength: the customers showing it, how many of them churned, the fitted coefficient (log-odds) and
     * odds ratio, and the points now and proposed. Status FITTED, TOO_RARE (kept at its points), OPPOSITE_DIRECTION
     * (0 points), or NOT_SHOWN (no customer of this base showed it: kept at its points).
     */
    public record Weight(String code, String kind, int customers, int positives, Double rate, Double coefficient,
            Double oddsRatio, int currentPoints, int proposedPoints, String status) {
    }

    /** A proposed band: its points, the churn rate the fit gives at its lower edge, and what the customers in it did. */
    public record Band(RiskLevel level, int fromPoints, int belowPoints, Double fittedRateAtFrom, int customers, int positives,
            Double observedRate) {
    }

    /**
     * The proposal scored on the same customers it was fitted on, beside the current rules: AUC, and whether the
     * observed churn rate rises from each level to the next.
     */
    public record Preview(Double currentAuc, Double proposedAuc, boolean levelsRiseInChurnRate) {
    }
}
