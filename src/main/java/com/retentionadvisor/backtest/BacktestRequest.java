package com.retentionadvisor.backtest;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import com.retentionadvisor.problems.FieldProblem;
import com.retentionadvisor.problems.InvalidInputException;
import com.retentionadvisor.problems.Parameters;

/**
 * What to back-test: customers evaluated as of {@code cutoff}, checked against the outcome within (cutoff, until],
 * until = cutoff + horizon; topK null for the default (10% of the customers evaluated).
 */
public record BacktestRequest(Instant cutoff, String horizon, Instant until, Outcome outcome, Integer topK) {

    /** Reads the query parameters as the API documents them; every parameter that cannot be read is named in one 400. */
    public static BacktestRequest of(String cutoff, String horizon, String outcome, String topK, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        Instant from = null;
        if (cutoff == null || cutoff.isBlank()) {
            problems.add(FieldProblem.ofField("cutoff", "is required: an ISO-8601 instant with an offset, e.g. 2026-03-01T00:00:00Z"));
        } else {
            try {
                from = Parameters.instant("cutoff", cutoff, null);
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        TemporalAmount amount = horizon(horizon, problems);
        Outcome what = outcome(outcome, problems);
        Integer k = topK(topK, problems);

        Instant until = null;
        if (from != null && amount != null) {
            until = from.atOffset(ZoneOffset.UTC).plus(amount).toInstant();
            if (from.isAfter(now)) {
                problems.add(FieldProblem.ofField("cutoff", "must not be in the future"));
            } else if (until.isAfter(now)) {
                problems.add(FieldProblem.ofField("horizon", "the cut-off plus the horizon ends at " + until
                        + ", after now: what happened is not known yet; choose an earlier cut-off or a shorter horizon"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new BacktestRequest(from, horizon.strip(), until, what, k);
    }

    private static TemporalAmount horizon(String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(FieldProblem.ofField("horizon", "is required: an ISO-8601 period or duration, e.g. P90D or P3M"));
            return null;
        }
        String text = value.strip();
        try {
            TemporalAmount amount = text.contains("T") ? Duration.parse(text) : Period.parse(text);
            boolean positive = amount instanceof Duration duration ? !duration.isNegative() && !duration.isZero()
                    : !((Period) amount).isNegative() && !((Period) amount).isZero();
            if (positive) {
                return amount;
            }
            problems.add(FieldProblem.ofField("horizon", "must be longer than zero"));
        } catch (DateTimeException e) {
            problems.add(FieldProblem.ofField("horizon", "'" + value + "' is not an ISO-8601 period or duration, e.g. P90D, P3M or PT72H"));
        }
        return null;
    }

    private static Outcome outcome(String value, List<FieldProblem> problems) {
        String allowed = Arrays.stream(Outcome.values()).map(Enum::name).collect(Collectors.joining(", "));
        if (value == null || value.isBlank()) {
            problems.add(FieldProblem.ofField("outcome", "is required: one of " + allowed));
            return null;
        }
        try {
            return Outcome.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.ofField("outcome", "'" + value + "' is not one of " + allowed));
            return null;
        }
    }

    private static Integer topK(String value, List<FieldProblem> problems) {
        try {
            return Parameters.integer("topK", value, 1, Integer.MAX_VALUE);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            return null;
        }
    }
}
