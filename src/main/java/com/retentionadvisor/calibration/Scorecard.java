package com.retentionadvisor.calibration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.analysis.MultivariateVectorFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleValueChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunctionGradient;
import org.apache.commons.math3.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;

/**
 * A scorecard fitted to what happened: a logistic regression of the outcome (churned or not) on the signs and
 * strengths each customer showed, with an L2 penalty so that a rare sign cannot earn absurd points. Points are the
 * coefficients scaled so that {@code pointsToDoubleOdds} points double the odds of churning, as credit scorecards do.
 * A sign must raise the odds and a strength lower them: one that comes out the other way round, once the others are
 * counted, is set to 0 points and the rest fitted again without it. Codes shown by fewer than {@code minCustomers}
 * customers are not fitted at all.
 */
final class Scorecard {

    /** One customer: the codes of the signs and strengths shown, and whether the outcome followed. */
    record Observation(Set<String> signs, Set<String> strengths, boolean positive) {
    }

    enum Status {
        /** Points from the fit. */
        FITTED,
        /** Shown by too few customers to be fitted: the points stay as they were. */
        TOO_RARE,
        /** Came out the wrong way round once the other codes are counted (a sign that lowers the odds): 0 points. */
        OPPOSITE_DIRECTION
    }

    record Code(String code, boolean strength, int customers, int positives, Status status, double coefficient) {
    }

    private final double intercept;
    private final Map<String, Code> codes;

    private Scorecard(double intercept, Map<String, Code> codes) {
        this.intercept = intercept;
        this.codes = codes;
    }

    /** The log-odds of churning of a customer who shows nothing fitted. */
    double intercept() {
        return intercept;
    }

    /** Every code seen, in code order. */
    Map<String, Code> codes() {
        return codes;
    }

    static Scorecard fit(List<Observation> observations, int minCustomers, double regularisation) {
        Map<String, int[]> counts = new HashMap<>();
        Map<String, Boolean> strength = new HashMap<>();
        for (Observation o : observations) {
            for (String code : o.signs()) {
                counts.computeIfAbsent(code, c -> new int[2])[0]++;
                counts.get(code)[1] += o.positive() ? 1 : 0;
                strength.put(code, false);
            }
            for (String code : o.strengths()) {
                counts.computeIfAbsent(code, c -> new int[2])[0]++;
                counts.get(code)[1] += o.positive() ? 1 : 0;
                strength.put(code, true);
            }
        }
        Set<String> fitted = new TreeSet<>();
        counts.forEach((code, n) -> {
            if (n[0] >= minCustomers && n[0] < observations.size()) {
                fitted.add(code);
            }
        });
        Set<String> opposite = new TreeSet<>();
        double[] beta;
        List<String> order;
        while (true) {
            order = List.copyOf(fitted);
            beta = logistic(observations, order, regularisation);
            String worst = null;
            double worstSize = 0;
            for (int j = 0; j < order.size(); j++) {
                double b = beta[j + 1];
                boolean wrongWay = strength.get(order.get(j)) ? b > 0 : b < 0;
                if (wrongWay && Math.abs(b) > worstSize) {
                    worst = order.get(j);
                    worstSize = Math.abs(b);
                }
            }
            if (worst == null) {
                break;
            }
            fitted.remove(worst);
            opposite.add(worst);
        }
        Map<String, Double> coefficients = new HashMap<>();
        for (int j = 0; j < order.size(); j++) {
            coefficients.put(order.get(j), beta[j + 1]);
        }
        Map<String, Code> result = new LinkedHashMap<>();
        new TreeSet<>(counts.keySet()).forEach(code -> {
            int[] n = counts.get(code);
            Status status = fitted.contains(code) ? Status.FITTED : opposite.contains(code) ? Status.OPPOSITE_DIRECTION : Status.TOO_RARE;
            result.put(code, new Code(code, strength.get(code), n[0], n[1], status, coefficients.getOrDefault(code, 0.0)));
        });
        return new Scorecard(beta[0], result);
    }

    /**
     * Minimises the negative log-likelihood plus regularisation/2 × the sum of the squared coefficients (the intercept
     * is not penalised) with the library's non-linear conjugate gradient optimiser. Customers who show the same codes
     * are one pattern, weighed by their counts, so the work grows with the patterns, not the customers.
     */
    private static double[] logistic(List<Observation> observations, List<String> order, double regularisation) {
        Map<String, Integer> index = new HashMap<>();
        for (int j = 0; j < order.size(); j++) {
            index.put(order.get(j), j + 1);
        }
        Map<List<Integer>, double[]> byPattern = new HashMap<>();
        for (Observation o : observations) {
            List<Integer> pattern = new ArrayList<>();
            o.signs().stream().map(index::get).filter(i -> i != null).forEach(pattern::add);
            o.strengths().stream().map(index::get).filter(i -> i != null).forEach(pattern::add);
            pattern.sort(null);
            double[] n = byPattern.computeIfAbsent(pattern, p -> new double[2]);
            n[0] += o.positive() ? 1 : 0;
            n[1] += o.positive() ? 0 : 1;
        }
        int patterns = byPattern.size();
        int[][] columns = new int[patterns][];
        double[] positives = new double[patterns];
        double[] negatives = new double[patterns];
        int p = 0;
        for (var entry : byPattern.entrySet()) {
            columns[p] = entry.getKey().stream().mapToInt(Integer::intValue).toArray();
            positives[p] = entry.getValue()[0];
            negatives[p] = entry.getValue()[1];
            p++;
        }
        int parameters = order.size() + 1;
        MultivariateFunction loss = beta -> {
            double total = 0;
            for (int q = 0; q < patterns; q++) {
                double z = linear(beta, columns[q]);
                // log(1 + e^z) without overflow; a positive costs log(1 + e^-z), a negative log(1 + e^z).
                total += positives[q] * softplus(-z) + negatives[q] * softplus(z);
            }
            for (int j = 1; j < parameters; j++) {
                total += regularisation / 2 * beta[j] * beta[j];
            }
            return total;
        };
        MultivariateVectorFunction gradient = beta -> {
            double[] g = new double[parameters];
            for (int q = 0; q < patterns; q++) {
                double probability = 1 / (1 + Math.exp(-linear(beta, columns[q])));
                double residual = (positives[q] + negatives[q]) * probability - positives[q];
                g[0] += residual;
                for (int column : columns[q]) {
                    g[column] += residual;
                }
            }
            for (int j = 1; j < parameters; j++) {
                g[j] += regularisation * beta[j];
            }
            return g;
        };
        NonLinearConjugateGradientOptimizer optimizer = new NonLinearConjugateGradientOptimizer(
                NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE, new SimpleValueChecker(1e-12, 1e-10));
        PointValuePair best = optimizer.optimize(new MaxEval(200_000), new MaxIter(20_000), new ObjectiveFunction(loss),
                new ObjectiveFunctionGradient(gradient), GoalType.MINIMIZE, new InitialGuess(new double[parameters]));
        return best.getPoint();
    }

    private static double linear(double[] beta, int[] columns) {
        double z = beta[0];
        for (int column : columns) {
            z += beta[column];
        }
        return z;
    }

    private static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }
}
