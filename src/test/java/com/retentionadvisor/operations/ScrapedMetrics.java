package com.retentionadvisor.operations;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One read of /q/metrics as Prometheus scrapes it, to look series up by name and labels. */
public final class ScrapedMetrics {

    /** One line of the exposition: a series' name, its labels and its value. */
    public record Series(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern LINE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s+\\S+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String text;
    private final List<Series> series;

    private ScrapedMetrics(String text, List<Series> series) {
        this.text = text;
        this.series = series;
    }

    /** Reads /q/metrics now, in the Prometheus text format. */
    public static ScrapedMetrics scrape() {
        String text = given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
        List<Series> series = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher matcher = LINE.matcher(line.strip());
            if (line.startsWith("#") || !matcher.matches()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (matcher.group(2) != null) {
                Matcher label = LABEL.matcher(matcher.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
                }
            }
            series.add(new Series(matcher.group(1), labels, Double.parseDouble(matcher.group(3))));
        }
        return new ScrapedMetrics(text, series);
    }

    /** The value of the series with this name and (at least) these labels, given as name, value, …; 0 when absent. */
    public double value(String name, String... labels) {
        List<Series> found = all(name, labels);
        if (found.size() > 1) {
            throw new IllegalStateException(found.size() + " series match " + name + " " + List.of(labels) + ": " + found);
        }
        return found.isEmpty() ? 0 : found.get(0).value();
    }

    /** Every series with this name and (at least) these labels. */
    public List<Series> all(String name, String... labels) {
        return series.stream()
                .filter(one -> one.name().equals(name))
                .filter(one -> {
                    for (int i = 0; i < labels.length; i += 2) {
                        if (!labels[i + 1].equals(one.labels().get(labels[i]))) {
                            return false;
                        }
                    }
                    return true;
                })
                .toList();
    }

    /** The exposition as it was read. */
    public String text() {
        return text;
    }
}
