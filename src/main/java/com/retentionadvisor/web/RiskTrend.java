package com.retentionadvisor.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import com.retentionadvisor.advice.RiskPoint;
import com.retentionadvisor.rules.RiskLevel;

/**
 * A customer's risk score over time, laid out for a server-drawn SVG chart: time runs left to right by the advices'
 * as-of instants, the score bottom to top from 0 to a round ceiling above the highest score.
 */
public record RiskTrend(List<Point> points, String line, List<Tick> ticks, Instant from, Instant to) {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 220;
    static final int LEFT = 44;
    static final int RIGHT = 16;
    static final int TOP = 14;
    static final int BOTTOM = 34;
    // The score axis reaches at least this high, so a low score looks low.
    private static final int MIN_CEILING = 100;
    private static final int CEILING_STEP = 50;

    /** One stored advice on the chart. */
    public record Point(String x, String y, int score, RiskLevel level, Instant asOf) {
    }

    /** A labelled line across the chart at a score. */
    public record Tick(String y, int score) {
    }

    public static RiskTrend of(List<RiskPoint> history) {
        if (history.isEmpty()) {
            return new RiskTrend(List.of(), "", List.of(), null, null);
        }
        Instant from = history.get(0).asOf();
        Instant to = history.get(history.size() - 1).asOf();
        long span = Duration.between(from, to).toMillis();
        int highest = history.stream().mapToInt(RiskPoint::riskScore).max().orElse(0);
        int ceiling = Math.max(MIN_CEILING, (highest + CEILING_STEP - 1) / CEILING_STEP * CEILING_STEP);
        List<Point> points = history.stream().map(point -> {
            // Advices given at one instant sit in the middle; otherwise each at its place in time.
            double share = span == 0 ? 0.5 : (double) Duration.between(from, point.asOf()).toMillis() / span;
            return new Point(number(LEFT + share * (WIDTH - LEFT - RIGHT)), y(point.riskScore(), ceiling),
                    point.riskScore(), point.riskLevel(), point.asOf());
        }).toList();
        String line = String.join(" ", points.stream().map(point -> point.x() + "," + point.y()).toList());
        List<Tick> ticks = IntStream.rangeClosed(0, 2).map(step -> ceiling * step / 2)
                .mapToObj(score -> new Tick(y(score, ceiling), score)).toList();
        return new RiskTrend(points, line, ticks, from, to);
    }

    public boolean isEmpty() {
        return points.isEmpty();
    }

    public int count() {
        return points.size();
    }

    public int firstScore() {
        return points.get(0).score();
    }

    public int lastScore() {
        return points.get(points.size() - 1).score();
    }

    /** Where the plot area starts and ends, for the template's axis lines and labels. */
    public int left() {
        return LEFT;
    }

    public int right() {
        return WIDTH - RIGHT;
    }

    /** Whether the advices span some time; when not, one date label sits under the middle. */
    public boolean spansTime() {
        return !from.equals(to);
    }

    public int middle() {
        return (LEFT + WIDTH - RIGHT) / 2;
    }

    public int tickLabelX() {
        return LEFT - 6;
    }

    public int labelBaseline() {
        return HEIGHT - 10;
    }

    private static String y(int score, int ceiling) {
        return number(HEIGHT - BOTTOM - (double) score / ceiling * (HEIGHT - BOTTOM - TOP));
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
