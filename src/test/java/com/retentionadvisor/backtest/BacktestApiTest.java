package com.retentionadvisor.backtest;

import static com.retentionadvisor.Crm.contact;
import static com.retentionadvisor.Crm.customer;
import static com.retentionadvisor.Crm.emailEvent;
import static com.retentionadvisor.Crm.pushAll;
import static com.retentionadvisor.Crm.survey;
import static com.retentionadvisor.Crm.ticket;
import static com.retentionadvisor.Crm.wonOrder;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import com.retentionadvisor.Crm.Item;
import com.retentionadvisor.FixtureRules;
import com.retentionadvisor.cli.RulesCommand;
import com.retentionadvisor.rulesets.RuleFiles;
import com.retentionadvisor.rulesets.ShippedRules;

/**
 * A back-test through the API on ten customers whose signs at the cut-off (1 January 2012) are known, compared
 * with numbers computed by hand. Scored with the fixture's weights and bands laid over the shipped rules
 * ({@link FixtureRules}: NPS detractor 30, open complaint 30, emails unopened 20, every other sign 0; LOW below
 * 20, MEDIUM from 20, HIGH from 45), so that the numbers hold whatever the shipped weights are. The signs' facts are
 * far from any threshold an analyst would plausibly set (an NPS answer of 0, twelve emails unopened in a row, a
 * complaint still open), so that the same customers show them whatever the shipped thresholds are:
 *
 * <pre>
 *   customer  signs at the cut-off            score level   ordered within 90 days   churned
 *   P1        detractor, complaint            60    HIGH    no                       2012-02-15 (within)
 *   P2        detractor, emails unopened      50    HIGH    no                       2012-05-01 (after)
 *   N1        complaint, emails unopened      50    HIGH    yes                      2012-06-01
 *   N2        detractor                       30    MEDIUM  yes                      2012-06-01
 *   P3        emails unopened                 20    MEDIUM  no                       2012-06-01
 *   N3        emails unopened                 20    MEDIUM  yes                      2012-06-01
 *   P4, N4-N6 none                            0     LOW     P4 no, the others yes    2012-06-01
 * </pre>
 *
 * Left out: X1 came after the cut-off, X2 had no activity before it, X3 churned before it, X4 churned at a time
 * nobody recorded. The tests share one database: every customer here churned in 2012 and everybody else's history
 * starts later, so a back-test of another era leaves these out and this one sees no one else (only the count of
 * customers created after the cut-off includes others).
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class BacktestApiTest {

    private static final String CUTOFF = "2012-01-01T00:00:00Z";
    private static final String CREATED = "2011-10-01T09:00:00Z";
    private static final double ROUNDED = 1e-4;

    @TestHTTPResource("/")
    URL service;

    @BeforeEach
    void tenCustomersWithKnownSignsAndFourLeftOut() {
        List<Item> customers = new ArrayList<>();
        List<Item> contacts = new ArrayList<>();
        List<Item> surveys = new ArrayList<>();
        List<Item> tickets = new ArrayList<>();
        List<Item> emails = new ArrayList<>();
        List<Item> orders = new ArrayList<>();
        record Known(String name, boolean detractor, boolean complaint, boolean emailsUnopened, boolean orders, String churnedAt) {
        }
        List<Known> evaluated = List.of(
                new Known("P1", true, true, false, false, "2012-02-15T10:00:00Z"),
                new Known("P2", true, false, true, false, "2012-05-01T10:00:00Z"),
                new Known("N1", false, true, true, true, "2012-06-01T10:00:00Z"),
                new Known("N2", true, false, false, true, "2012-06-01T10:00:00Z"),
                new Known("P3", false, false, true, false, "2012-06-01T10:00:00Z"),
                new Known("N3", false, false, true, true, "2012-06-01T10:00:00Z"),
                new Known("P4", false, false, false, false, "2012-06-01T10:00:00Z"),
                new Known("N4", false, false, false, true, "2012-06-01T10:00:00Z"),
                new Known("N5", false, false, false, true, "2012-06-01T10:00:00Z"),
                new Known("N6", false, false, false, true, "2012-06-01T10:00:00Z"));
        for (Known known : evaluated) {
            String id = id(known.name());
            customers.add(churned(id, known.churnedAt()));
            contacts.add(contact(id + "-K", id, 0).with("occurredAt", "2011-11-15T10:00:00Z"));
            if (known.detractor()) {
                surveys.add(survey(id + "-S", id, 0, 0, null).with("answeredAt", "2011-12-01T10:00:00Z"));
            }
            if (known.complaint()) {
                tickets.add(ticket(id + "-T", id, 0, "COMPLAINT").with("openedAt", "2011-12-10T10:00:00Z"));
            }
            if (known.emailsUnopened()) {
                for (int week = 0; week < 12; week++) {
                    String day = LocalDate.of(2011, 10, 5).plusWeeks(week).toString();
                    emails.add(emailEvent(id + "-E" + day, id, 0, "SENT", "news-" + day).with("occurredAt", day + "T08:00:00Z"));
                }
            }
            if (known.orders()) {
                orders.add(wonOrder(id + "-D", id, 0, "1200.00")
                        .with("openedAt", "2012-01-10T10:00:00Z").with("closedAt", "2012-02-01T10:00:00Z"));
            }
        }
        customers.add(churned(id("X1"), "2012-06-01T10:00:00Z").with("createdAt", "2012-02-01T09:00:00Z"));
        contacts.add(contact(id("X1") + "-K", id("X1"), 0).with("occurredAt", "2012-02-10T10:00:00Z"));
        customers.add(churned(id("X2"), "2012-06-01T10:00:00Z"));
        contacts.add(contact(id("X2") + "-K", id("X2"), 0).with("occurredAt", "2012-01-15T10:00:00Z"));
        customers.add(churned(id("X3"), "2011-12-15T10:00:00Z"));
        contacts.add(contact(id("X3") + "-K", id("X3"), 0).with("occurredAt", "2011-11-15T10:00:00Z"));
        customers.add(churned(id("X4"), null));
        contacts.add(contact(id("X4") + "-K", id("X4"), 0).with("occurredAt", "2011-11-15T10:00:00Z"));

        pushAll("customers", customers);
        pushAll("contacts", contacts);
        pushAll("surveys", surveys);
        pushAll("tickets", tickets);
        pushAll("email-events", emails);
        pushAll("deals", orders);
    }

    private static String id(String name) {
        return "BT2011-" + name;
    }

    private static Item churned(String id, String churnedAt) {
        Item customer = customer(id).with("createdAt", CREATED).with("status", "CHURNED");
        return churnedAt == null ? customer : customer.with("churnedAt", churnedAt);
    }

    @Test
    void shouldMeasureHowWellTheScoresForetoldOrdersThatDidNotCome() {
        JsonPath report = finished(withFiles(FixtureRules.scoring()), "cutoff", CUTOFF, "horizon", "P90D", "outcome", "NO_ORDER");

        assertEquals(true, report.getBoolean("candidate"));
        assertEquals("2012-03-31T00:00:00Z", report.getString("until"));
        assertEquals(10, report.getInt("evaluated"));
        assertEquals(4, report.getInt("positives"));
        assertEquals(0.4, report.getDouble("baseRate"), ROUNDED);
        // P1 beats all 6 negatives, P2 beats 5 and ties N1, P3 beats 3 and ties N3, P4 ties 3: 16.5 of 24 pairs.
        assertEquals(16.5 / 24, report.getDouble("auc"), ROUNDED);

        assertLevel(report, 0, "LOW", 4, 1, 10, 0.4, 1.0);
        assertLevel(report, 1, "MEDIUM", 3, 1, 6, 0.5, 0.75);
        assertLevel(report, 2, "HIGH", 3, 2, 3, 2 / 3.0, 0.5);
        assertEquals(0, report.getInt("riskLevels[3].predictedPositive"));
        assertNull(report.get("riskLevels[3].precision"));

        assertEquals(1, report.getInt("topK.k"), "10% of 10 customers");
        assertEquals(1.0, report.getDouble("topK.precision"), ROUNDED);
        assertEquals(0.25, report.getDouble("topK.recall"), ROUNDED);

        // One customer a decile; tied scores share their places: 50 (P2, N1), 20 (P3, N3), 0 (P4 and three negatives).
        double[] positives = {1, 0.5, 0.5, 0, 0.5, 0.5, 0.25, 0.25, 0.25, 0.25};
        for (int d = 0; d < 10; d++) {
            assertEquals(positives[d], report.getDouble("deciles[" + d + "].positives"), ROUNDED, "decile " + (d + 1));
            assertEquals(positives[d] / 0.4, report.getDouble("deciles[" + d + "].lift"), ROUNDED, "decile " + (d + 1));
        }

        assertSign(report, 0, "NPS_DETRACTOR", 3, 2, 2 / 3.0, (2 / 3.0) / 0.4);
        assertSign(report, 1, "EMAILS_UNOPENED", 4, 2, 0.5, 1.25);
        assertSign(report, 2, "OPEN_COMPLAINT", 2, 1, 0.5, 1.25);
        assertEquals(3, report.getList("signs").size());

        assertEquals(1, report.getInt("excluded.noActivityBeforeCutoff"));
        assertEquals(1, report.getInt("excluded.churnedByCutoff"));
        assertEquals(1, report.getInt("excluded.churnedWhenUnknown"));
        assertTrue(report.getInt("excluded.createdAfterCutoff") >= 1);
        assertEquals(report.getInt("customers"), report.getInt("evaluated") + report.getInt("excluded.total"));
        assertTrue(report.getList("notes", String.class).stream().anyMatch(note -> note.contains("segment")), "leakage is said");
    }

    @Test
    void shouldMeasureAgainstChurnWithinTheHorizonWithTheTopKAsked() {
        JsonPath report = finished(withFiles(FixtureRules.scoring()), "cutoff", CUTOFF, "horizon", "P90D", "outcome", "CHURNED", "topK", "3");

        assertEquals(1, report.getInt("positives"), "only P1 churned within 90 days; P2 later");
        assertEquals(1.0, report.getDouble("auc"), ROUNDED);
        assertEquals(3, report.getInt("topK.k"));
        assertEquals(1 / 3.0, report.getDouble("topK.precision"), ROUNDED);
        assertEquals(1.0, report.getDouble("topK.recall"), ROUNDED);
        assertSign(report, 0, "OPEN_COMPLAINT", 2, 1, 0.5, 5.0);
        assertSign(report, 1, "NPS_DETRACTOR", 3, 1, 1 / 3.0, 10 / 3.0);
        assertSign(report, 2, "EMAILS_UNOPENED", 4, 0, 0.0, 0.0);
    }

    @Test
    void shouldScoreACandidateWhoseWeightsDifferAndFindAnotherAuc() throws IOException {
        // Emails unopened weigh 60 instead of 20: P2 and N1 90, P1, P3 and N3 60, N2 30, the rest 0.
        Map<String, byte[]> candidate = FixtureRules.scoringWith("EMAILS_UNOPENED", 60);

        JsonPath report = finished(withFiles(candidate), "cutoff", CUTOFF, "horizon", "P90D", "outcome", "NO_ORDER");

        assertEquals(true, report.getBoolean("candidate"));
        assertNotEquals(given().get("/api/rules").then().extract().path("version"), report.getString("rulesetVersion"));
        // P1 beats N2 and the three 0s and ties N3; P2 ties N1 and beats 5; P3 as P1; P4 ties three: 16 of 24 pairs.
        assertEquals(16 / 24.0, report.getDouble("auc"), ROUNDED);

        JsonPath zipped = finished(given().contentType("application/zip").body(RuleFiles.zip(candidate)),
                "cutoff", CUTOFF, "horizon", "P90D", "outcome", "NO_ORDER");
        assertEquals(report.getString("rulesetVersion"), zipped.getString("rulesetVersion"));
        assertEquals(16 / 24.0, zipped.getDouble("auc"), ROUNDED);
    }

    @Test
    void shouldBacktestTheLiveRulesetWhenThePostHasNoBodyAtAll() throws Exception {
        // As curl -X POST sends it: no body and no Content-Type.
        URI uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port
                + "/api/rules/backtest?cutoff=" + CUTOFF + "&horizon=P90D&outcome=NO_ORDER");
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(202, response.statusCode(), response.body());
        JsonPath report = report(response.headers().firstValue("Location").orElseThrow());
        assertEquals(false, report.getBoolean("candidate"));
        assertEquals(given().get("/api/rules").then().extract().path("version"), report.getString("rulesetVersion"));
        assertEquals(10, report.getInt("evaluated"));
    }

    @Test
    void shouldBacktestAFolderFromTheCommandLineAndPrintTheReport(@TempDir Path folder) throws IOException {
        copyRulesWithEmailsUnopenedWeighing60(folder);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = new RulesCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of("backtest", "--dir", folder.toString(), "--url", service.toString(),
                        "--cutoff", CUTOFF, "--horizon", "P90D", "--outcome", "NO_ORDER", "--top-k", "3"));

        assertEquals(RulesCommand.OK, exit, err.toString(StandardCharsets.UTF_8));
        JsonPath report = new JsonPath(out.toString(StandardCharsets.UTF_8));
        assertEquals(16 / 24.0, report.getDouble("auc"), ROUNDED);
        assertEquals(3, report.getInt("topK.k"));
    }

    @Test
    void shouldTurnAwayACandidateThatDoesNotCompile() {
        given().multiPart("files", "churn-signs/broken.drl", "package retention; rule \"x\" when then oops end".getBytes(StandardCharsets.UTF_8))
                .queryParams(Map.of("cutoff", CUTOFF, "horizon", "P90D", "outcome", "NO_ORDER"))
                .when().post("/api/rules/backtest")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("files"));
    }

    @Test
    void shouldNameEveryParameterItCannotUse() {
        given().queryParams(Map.of("horizon", "ninety days", "outcome", "LEFT", "topK", "0"))
                .when().post("/api/rules/backtest")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("cutoff", "horizon", "outcome", "topK"))
                .body("detail", containsString("NO_ORDER, CHURNED"));
    }

    @Test
    void shouldRefuseAHorizonWhoseOutcomeIsNotKnownYet() {
        given().queryParams(Map.of("cutoff", Instant.now().minusSeconds(86_400 * 10).toString(), "horizon", "P90D", "outcome", "CHURNED"))
                .when().post("/api/rules/backtest")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("horizon"))
                .body("errors[0].message", containsString("not known yet"));
    }

    @Test
    void shouldAnswer404ForABacktestItDoesNotKnow() {
        given().when().get("/api/rules/backtests/no-such-job")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    /** Starts a back-test (202 with the job and where to follow it), waits for its end and answers its report. */
    private static JsonPath finished(RequestSpecification request, String... parameters) {
        for (int i = 0; i < parameters.length; i += 2) {
            request.queryParam(parameters[i], parameters[i + 1]);
        }
        var accepted = request.when().post("/api/rules/backtest")
                .then().statusCode(202)
                .body("kind", equalTo("backtest"))
                .header("Location", matchesPattern(".*/api/rules/backtests/[0-9a-f-]{36}$"))
                .extract();
        return report(accepted.header("Location"));
    }

    private static JsonPath report(String location) {
        JsonPath job = given().queryParam("waitSeconds", 60).when().get(location)
                .then().statusCode(200).extract().jsonPath();
        assertEquals("DONE", job.getString("state"), () -> "the back-test did not end well: " + job.prettify());
        assertEquals(job.getInt("total"), job.getInt("done"));
        return new JsonPath(job.prettify()).setRootPath("report");
    }

    private static void assertLevel(JsonPath report, int index, String level, int customers, int positives,
            int predicted, double precision, double recall) {
        String at = "riskLevels[" + index + "].";
        assertEquals(level, report.getString(at + "level"));
        assertEquals(customers, report.getInt(at + "customers"), level);
        assertEquals(positives, report.getInt(at + "positives"), level);
        assertEquals(predicted, report.getInt(at + "predictedPositive"), level);
        assertEquals(precision, report.getDouble(at + "precision"), ROUNDED, level);
        assertEquals(recall, report.getDouble(at + "recall"), ROUNDED, level);
    }

    private static void assertSign(JsonPath report, int index, String code, int customers, int positives, double rate, double lift) {
        String at = "signs[" + index + "].";
        assertEquals(code, report.getString(at + "code"));
        assertEquals(customers, report.getInt(at + "customers"), code);
        assertEquals(positives, report.getInt(at + "positives"), code);
        assertEquals(rate, report.getDouble(at + "rate"), ROUNDED, code);
        assertEquals(lift, report.getDouble(at + "lift"), ROUNDED, code);
    }

    private static RequestSpecification withFiles(Map<String, byte[]> files) {
        RequestSpecification request = given();
        files.forEach((path, content) -> request.multiPart("files", path, content));
        return request;
    }

    // The rules the service runs on, as an analyst's folder would hold them, scored by the fixture with one weight changed.
    private static void copyRulesWithEmailsUnopenedWeighing60(Path folder) throws IOException {
        Map<String, byte[]> files = ShippedRules.files();
        files.putAll(FixtureRules.scoringWith("EMAILS_UNOPENED", 60));
        for (var file : files.entrySet()) {
            Path target = folder.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
    }
}
