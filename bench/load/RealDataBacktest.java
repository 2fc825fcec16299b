import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Back-tests a running advisor's rules at the cut-offs of a real purchase log's evaluation protocol and prints, per
 * cut-off, what the protocol scores: ROC AUC, the lift of the top decile, and the churn rate per risk level; with
 * --calibrate, first fits the weights at one cut-off (POST /api/rules/calibration), back-tests the proposal (a candidate)
 * at every cut-off beside the live rules, and writes the proposed files to a folder.
 *
 * Run with the JDK's source launcher and the service's libraries (bench/real-data.sh does):
 *   java -cp 'target/quarkus-app/lib/main/*' bench/load/RealDataBacktest.java --url URL
 *        --cutoff A=2011-09-09T23:00:00Z/P91D --cutoff B=2011-06-09T23:00:00Z/P92D
 *        [--calibrate A --proposal-dir DIR] [--report-dir DIR]
 * An analyst's API key comes from RETENTION_API_KEY. --report-dir keeps every job's full JSON report there.
 */
public final class RealDataBacktest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private record Cutoff(String name, String instant, String horizon) {
    }

    private static String url;
    private static String key;
    private static Path reportDir;

    public static void main(String[] args) throws Exception {
        Map<String, Cutoff> cutoffs = new LinkedHashMap<>();
        String calibrateAt = null;
        Path proposalDir = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--url" -> url = args[i + 1].replaceAll("/+$", "");
                case "--cutoff" -> {
                    String[] nameAndRest = args[i + 1].split("=", 2);
                    String[] instantAndHorizon = nameAndRest[1].split("/", 2);
                    cutoffs.put(nameAndRest[0], new Cutoff(nameAndRest[0], instantAndHorizon[0], instantAndHorizon[1]));
                }
                case "--calibrate" -> calibrateAt = args[i + 1];
                case "--proposal-dir" -> proposalDir = Path.of(args[i + 1]);
                case "--report-dir" -> reportDir = Path.of(args[i + 1]);
                default -> usage("unknown option " + args[i]);
            }
        }
        key = System.getenv("RETENTION_API_KEY");
        if (url == null || cutoffs.isEmpty() || key == null || key.isBlank()) {
            usage("--url, at least one --cutoff and RETENTION_API_KEY are needed");
        }
        if (calibrateAt != null && (!cutoffs.containsKey(calibrateAt) || proposalDir == null)) {
            usage("--calibrate names one of the cut-offs and needs --proposal-dir");
        }

        Map<String, JsonNode> live = new LinkedHashMap<>();
        for (Cutoff cutoff : cutoffs.values()) {
            live.put(cutoff.name(), backtest(cutoff, null, "live-" + cutoff.name()));
        }
        Map<String, JsonNode> proposed = new LinkedHashMap<>();
        if (calibrateAt != null) {
            Cutoff at = cutoffs.get(calibrateAt);
            JsonNode calibration = job("/api/rules/calibration?" + query(at) + "&outcome=NO_ORDER", null, null, "calibration-" + at.name());
            byte[] zip = get("/api/rules/calibrations/" + calibration.path("id").asText() + "/files");
            writeProposal(calibration.path("report"), zip, proposalDir);
            for (Cutoff cutoff : cutoffs.values()) {
                proposed.put(cutoff.name(), backtest(cutoff, zip, "proposal-" + cutoff.name()));
            }
        }

        System.out.println();
        for (Cutoff cutoff : cutoffs.values()) {
            print("cut-off " + cutoff.name() + " " + cutoff.instant() + " + " + cutoff.horizon() + ", live rules", live.get(cutoff.name()));
            if (proposed.containsKey(cutoff.name())) {
                print("cut-off " + cutoff.name() + ", weights calibrated at " + calibrateAt, proposed.get(cutoff.name()));
            }
        }
    }

    private static JsonNode backtest(Cutoff cutoff, byte[] candidateZip, String name) throws Exception {
        return job("/api/rules/backtest?" + query(cutoff) + "&outcome=NO_ORDER", candidateZip, "application/zip", name).path("report");
    }

    private static String query(Cutoff cutoff) {
        return "cutoff=" + URLEncoder.encode(cutoff.instant(), StandardCharsets.UTF_8) + "&horizon=" + cutoff.horizon();
    }

    /** Starts a job (POST, 202 with Location), waits for its end and answers the job with its report. */
    private static JsonNode job(String path, byte[] body, String contentType, String name) throws Exception {
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + key);
        post = body == null ? post.POST(HttpRequest.BodyPublishers.noBody())
                : post.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<String> started = HTTP.send(post.build(), HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IOException("POST " + path + " answered " + started.statusCode() + ": " + started.body());
        }
        String location = started.headers().firstValue("Location").orElseThrow();
        long began = System.nanoTime();
        while (true) {
            HttpResponse<String> polled = HTTP.send(HttpRequest.newBuilder(URI.create(location + "?waitSeconds=30"))
                    .timeout(Duration.ofMinutes(2)).header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode job = JSON.readTree(polled.body());
            String state = job.path("state").asText();
            System.err.printf("%s: %s %d of %d customers, %.0f s%n", name, state, job.path("done").asInt(), job.path("total").asInt(),
                    (System.nanoTime() - began) / 1e9);
            if (state.equals("DONE")) {
                if (reportDir != null) {
                    Files.createDirectories(reportDir);
                    Files.writeString(reportDir.resolve(name + ".json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(job));
                }
                return job;
            }
            if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                throw new IOException(name + " ended " + state + ": " + polled.body());
            }
        }
    }

    private static byte[] get(String path) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static void writeProposal(JsonNode report, byte[] zip, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve("proposal.zip"), zip);
        Files.writeString(dir.resolve("calibration.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        System.err.println("the proposed rule files are in " + dir.resolve("proposal.zip") + ", the calibration's report in "
                + dir.resolve("calibration.json"));
    }

    private static void print(String title, JsonNode report) {
        System.out.println("== " + title + " (ruleset " + report.path("rulesetVersion").asText() + ")");
        JsonNode firstDecile = report.path("deciles").path(0);
        System.out.printf(Locale.ROOT, "customers %d, churned %d (%.1f%%), AUC %.4f, top decile: lift %.2f (churn rate %.1f%%)%n",
                report.path("evaluated").asInt(), report.path("positives").asInt(), 100 * report.path("baseRate").asDouble(),
                report.path("auc").asDouble(), firstDecile.path("lift").asDouble(), 100 * firstDecile.path("rate").asDouble());
        List<String> levels = new ArrayList<>();
        for (JsonNode level : report.path("riskLevels")) {
            levels.add(String.format(Locale.ROOT, "%s %d customers, %s churned", level.path("level").asText(),
                    level.path("customers").asInt(), level.path("rate").isNull() ? "-"
                            : String.format(Locale.ROOT, "%.1f%%", 100 * level.path("rate").asDouble())));
        }
        System.out.println("per level: " + String.join("; ", levels));
        List<String> signs = new ArrayList<>();
        for (JsonNode sign : report.path("signs")) {
            signs.add(String.format(Locale.ROOT, "%s %d (%.0f%%)", sign.path("code").asText(), sign.path("customers").asInt(),
                    100 * sign.path("rate").asDouble()));
        }
        System.out.println("signs (customers, churned): " + String.join(", ", signs));
        List<String> strengths = new ArrayList<>();
        for (JsonNode strength : report.path("strengths")) {
            strengths.add(String.format(Locale.ROOT, "%s %d (%.0f%%)", strength.path("code").asText(), strength.path("customers").asInt(),
                    100 * strength.path("rate").asDouble()));
        }
        System.out.println("strengths (customers, churned): " + String.join(", ", strengths));
        System.out.println();
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: java -cp 'target/quarkus-app/lib/main/*' bench/load/RealDataBacktest.java --url URL"
                + " --cutoff NAME=INSTANT/HORIZON ... [--calibrate NAME --proposal-dir DIR] [--report-dir DIR]");
        System.exit(2);
    }
}
