package com.retentionadvisor.calibration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.retentionadvisor.backtest.BacktestRequest;
import com.retentionadvisor.problems.FieldProblem;
import com.retentionadvisor.problems.InvalidInputException;
import com.retentionadvisor.problems.Parameters;

/**
 * What to calibrate on: the customers as of a past cut-off and what happened within the horizon after it (as a
 * back-test takes them), and how to turn the fit into points and levels.
 *
 * @param pointsToDoubleOdds the points that double the odds of churning (credit scorecards' "points to double the odds")
 * @param evenOddsScore      the score at which a customer is as likely to churn as not; fixes the base points
 * @param minCustomers       a sign or strength shown by fewer customers is not fitted and keeps its points
 * @param regularisation     the L2 penalty on the coefficients (0: none); higher pulls rare signs' points towards 0
 * @param levelRates         the churn rates at which MEDIUM, HIGH and CRITICAL begin, rising, each in (0, 1)
 */
public record CalibrationRequest(BacktestRequest backtest, int pointsToDoubleOdds, int evenOddsScore, int minCustomers,
        double regularisation, List<Double> levelRates) {

    static final int DEFAULT_POINTS_TO_DOUBLE_ODDS = 20;
    static final int DEFAULT_EVEN_ODDS_SCORE = 100;
    static final int DEFAULT_MIN_CUSTOMERS = 30;
    static final double DEFAULT_REGULARISATION = 2.0;
    static final String DEFAULT_LEVEL_RATES = "0.25,0.5,0.65";

    /** Reads the query parameters as the API documents them; every parameter that cannot be read is named in one 400. */
    public static CalibrationRequest of(String cutoff, String horizon, String outcome, String pointsToDoubleOdds,
            String evenOddsScore, String minCustomers, String regularisation, String levelRates, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        BacktestRequest backtest = null;
        try {
            backtest = BacktestRequest.of(cutoff, horizon, outcome, null, now);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        Integer points = read(problems, () -> Parameters.integer("pointsToDoubleOdds", pointsToDoubleOdds, 1, 1000));
        Integer evenOdds = read(problems, () -> Parameters.integer("evenOddsScore", evenOddsScore, 0, 100_000));
        Integer min = read(problems, () -> Parameters.integer("minCustomers", minCustomers, 1, Integer.MAX_VALUE));
        Double lambda = read(problems, () -> Parameters.decimal("regularisation", regularisation, 0, 1_000_000));
        List<Double> rates = read(problems, () -> rates(levelRates));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new CalibrationRequest(backtest, points == null ? DEFAULT_POINTS_TO_DOUBLE_ODDS : points,
                evenOdds == null ? DEFAULT_EVEN_ODDS_SCORE : evenOdds, min == null ? DEFAULT_MIN_CUSTOMERS : min,
                lambda == null ? DEFAULT_REGULARISATION : lambda, rates);
    }

    private interface Reader<T> {
        T read();
    }

    private static <T> T read(List<FieldProblem> problems, Reader<T> reader) {
        try {
            return reader.read();
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    private static List<Double> rates(String value) {
        String text = value == null || value.isBlank() ? DEFAULT_LEVEL_RATES : value;
        String[] parts = text.split(",");
        List<Double> rates = new ArrayList<>();
        try {
            for (String part : parts) {
                rates.add(Double.parseDouble(part.strip()));
            }
        } catch (NumberFormatException e) {
            rates.clear();
        }
        boolean rising = rates.size() == 3 && rates.get(0) < rates.get(1) && rates.get(1) < rates.get(2);
        if (!rising || rates.get(0) <= 0 || rates.get(2) >= 1) {
            throw InvalidInputException.of("levelRates", "'" + value + "' is not three rising churn rates between 0 and 1 at"
                    + " which MEDIUM, HIGH and CRITICAL begin, e.g. " + DEFAULT_LEVEL_RATES);
        }
        return List.copyOf(rates);
    }
}
