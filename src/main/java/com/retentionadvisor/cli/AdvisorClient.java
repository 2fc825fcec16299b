package com.retentionadvisor.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import com.retentionadvisor.rulesets.RuleFiles;

/**
 * Sends a rules folder to a running advisor for a simulation or a back-test, follows the job (progress on stderr)
 * and prints its report (JSON on stdout). Used by the rules command line.
 */
final class AdvisorClient {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final URI service;
    private final String apiKey;
    private final PrintStream out;
    private final PrintStream err;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    AdvisorClient(String service, String apiKey, PrintStream out, PrintStream err) {
        this.service = URI.create(service.endsWith("/") ? service : service + "/");
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        this.out = out;
        this.err = err;
    }

    int simulate(Path folder, String asOf, String sample) {
        Map<String, String> query = new LinkedHashMap<>();
        putIfGiven(query, "asOf", asOf);
        putIfGiven(query, "sample", sample);
        return runJob(folder, "api/rules/simulate", query);
    }

    int backtest(Path folder, Map<String, String> options) {
        Map<String, String> query = new LinkedHashMap<>();
        putIfGiven(query, "cutoff", options.get("cutoff"));
        putIfGiven(query, "horizon", options.get("horizon"));
        putIfGiven(query, "outcome", options.get("outcome"));
        putIfGiven(query, "topK", options.get("top-k"));
        return runJob(folder, "api/rules/backtest", query);
    }

    /**
     * Calibrates the folder's rules on the service's customers and prints the report; with {@code out}, writes the
     * proposed files there by their path under rules/ (the same folder, to review the change with a diff).
     */
    int calibrate(Path folder, Map<String, String> options, Path out) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String name : List.of("cutoff", "horizon", "outcome")) {
            putIfGiven(query, name, options.get(name));
        }
        putIfGiven(query, "pointsToDoubleOdds", options.get("points-to-double-odds"));
        putIfGiven(query, "evenOddsScore", options.get("even-odds-score"));
        putIfGiven(query, "minCustomers", options.get("min-customers"));
        putIfGiven(query, "regularisation", options.get("regularisation"));
        putIfGiven(query, "levelRates", options.get("level-rates"));
        return runJob(folder, "api/rules/calibration", query, report -> {
            ObjectNode shown = report.deepCopy();
            shown.remove("files");
            this.out.println(JSON.writeValueAsString(shown));
            if (out == null) {
                err.println("The proposed files are not written: give --out <folder> to write them there");
                return;
            }
            for (var file : report.path("files").properties()) {
                Path target = out.resolve(file.getKey()).normalize();
                if (!target.startsWith(out.normalize())) {
                    throw new IOException("the service proposed a file outside the folder: " + file.getKey());
                }
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue().asText());
                err.println("wrote " + target);
            }
        });
    }

    private interface ReportHandler {
        void accept(JsonNode report) throws IOException;
    }

    private int runJob(Path folder, String path, Map<String, String> query) {
        return runJob(folder, path, query, report -> out.println(JSON.writeValueAsString(report)));
    }

    private int runJob(Path folder, String path, Map<String, String> query, ReportHandler onReport) {
        try {
            HttpResponse<String> accepted = http.send(request(service.resolve(path + queryOf(query)))
                    .header("Content-Type", "application/zip")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(zip(folder)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (accepted.statusCode() != 202) {
                return refused(accepted);
            }
            URI job = service.resolve(accepted.headers().firstValue("Location").orElseThrow());
            while (true) {
                HttpResponse<String> answer = http.send(request(URI.create(job + "?waitSeconds=10"))
                        .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    return refused(answer);
                }
                JsonNode view = JSON.readTree(answer.body());
                String state = view.path("state").asText();
                switch (state) {
                    case "DONE" -> {
                        onReport.accept(view.path("report"));
                        return RulesCommand.OK;
                    }
                    case "CANCELLED", "FAILED" -> {
                        err.println("The " + view.path("kind").asText() + " " + state.toLowerCase() + ": "
                                + view.path("failure").asText("cancelled on the service"));
                        return RulesCommand.SERVICE_FAILED;
                    }
                    default -> err.printf("%s %s: %d of %d customers%s%n", view.path("kind").asText(), state.toLowerCase(),
                            view.path("done").asInt(), view.path("total").asInt(),
                            view.has("secondsLeft") ? ", about " + view.path("secondsLeft").asLong() + " s left" : "");
                }
            }
        } catch (IOException e) {
            err.println("The advisor at " + service + " cannot be reached: " + e.getMessage());
            return RulesCommand.SERVICE_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RulesCommand.SERVICE_FAILED;
        }
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        return apiKey == null ? request : request.header("Authorization", "Bearer " + apiKey);
    }

    // 422: the rules were turned away; 400: a parameter is wrong; 401, 403: no key, or not an analyst's; anything
    // else is the service's trouble.
    private int refused(HttpResponse<String> answer) throws IOException {
        JsonNode problem = JSON.readTree(answer.body().isBlank() ? "{}" : answer.body());
        err.println("The advisor answered " + answer.statusCode() + ": " + problem.path("detail").asText(answer.body()));
        problem.path("errors").forEach(e -> err.println("  " + (e.has("field") ? e.path("field").asText() + ": " : "")
                + e.path("message").asText()));
        if (answer.statusCode() == 401 || answer.statusCode() == 403) {
            err.println("  Send an analyst's API key: set " + RulesCommand.API_KEY_VARIABLE + ", or give --api-key");
        }
        return switch (answer.statusCode()) {
            case 422 -> RulesCommand.RULES_REJECTED;
            case 400, 401, 403 -> RulesCommand.USAGE;
            default -> RulesCommand.SERVICE_FAILED;
        };
    }

    private static byte[] zip(Path folder) {
        return RuleFiles.zip(RuleFiles.fromFolder(folder).ruleFiles());
    }

    private static void putIfGiven(Map<String, String> query, String name, String value) {
        if (value != null) {
            query.put(name, value);
        }
    }

    private static String queryOf(Map<String, String> query) {
        return query.isEmpty() ? "" : query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&", "?", ""));
    }
}
