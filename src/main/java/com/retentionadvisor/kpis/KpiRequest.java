package com.retentionadvisor.kpis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.retentionadvisor.problems.FieldProblem;
import com.retentionadvisor.problems.InvalidInputException;
import com.retentionadvisor.problems.Parameters;

/**
 * The period [from, to) to report on, and the breakdown (none when {@code groupBy} is null). Without {@code to} the
 * period ends now; without {@code from} it starts {@link #DEFAULT_PERIOD} before its end. {@code manager}, when set,
 * keeps the report to the customers currently assigned to that manager (a manager sees the KPIs of their own).
 */
public record KpiRequest(Instant from, Instant to, Grouping groupBy, String manager) {

    public static final Duration DEFAULT_PERIOD = Duration.ofDays(90);

    /** Reads the query parameters as the API documents them; every parameter that cannot be used is named in one 400. */
    public static KpiRequest of(String from, String to, String groupBy, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        Instant end = instant("to", to, now, problems);
        Instant start = instant("from", from, end == null ? null : end.minus(DEFAULT_PERIOD), problems);
        if (start != null && end != null && !start.isBefore(end)) {
            problems.add(FieldProblem.ofField("from", "must be before to (" + end + ")"));
        }
        Grouping grouping = null;
        if (groupBy != null && !groupBy.isBlank()) {
            grouping = Grouping.fromParameter(groupBy).orElse(null);
            if (grouping == null) {
                problems.add(FieldProblem.ofField("groupBy", "'" + groupBy + "' is not one of " + Grouping.allowed()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new KpiRequest(start, end, grouping, null);
    }

    /** The same report on the customers currently assigned to the manager alone; the whole base when null. */
    public KpiRequest limitedTo(String managerExternalId) {
        return new KpiRequest(from, to, groupBy, managerExternalId);
    }

    /** The period's length in years of 365 days, for figures per year. */
    double years() {
        return Duration.between(from, to).toMillis() / (365 * 86_400_000.0);
    }

    private static Instant instant(String name, String value, Instant otherwise, List<FieldProblem> problems) {
        try {
            return Parameters.instant(name, value, otherwise);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            return null;
        }
    }
}
