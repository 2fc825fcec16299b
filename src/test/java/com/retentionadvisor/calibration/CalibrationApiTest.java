package com.retentionadvisor.calibration;

import static com.retentionadvisor.Crm.customer;
import static com.retentionadvisor.Crm.pushAll;
import static com.retentionadvisor.Crm.wonOrder;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

import com.retentionadvisor.Crm.Item;
import com.retentionadvisor.FixtureRules;
import com.retentionadvisor.rules.RiskLevel;
import com.retentionadvisor.rulesets.LiveRuleset;
import com.retentionadvisor.cli.RulesCommand;
import com.retentionadvisor.rulesets.ShippedRules;

/**
 * A calibration through the API on a base of 2010 made to hold a pattern: one-time buyers mostly leave, monthly buyers
 * mostly stay. The fit must find it, write it as tables that compile, and those tables must go live through a publish
 * and weigh the advice as proposed. The base lies in 2009-2010, before every other test's customers, so the cut-off
 * sees it alone; and every customer here churned at the end of 2010, so that a back-test of a later era leaves them out.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class CalibrationApiTest {

    private static final String CUTOFF = "2010-06-01T00:00:00Z";
    private static final Instant CUT = Instant.parse(CUTOFF);

    @TestHTTPResource("/")
    URL service;

    private String versionBefore;

    @BeforeEach
    void oneTimeBuyersWhoLeaveAndMonthlyBuyersWhoStay() {
        versionBefore = LiveRuleset.version();
        List<Item> customers = new ArrayList<>();
        List<Item> orders = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // One order 100 days before the cut-off; 6 of 40 order again after it.
            String once = "CAL2010-ONCE-" + i;
            customers.add(goneBy2011(once));
            orders.add(order(once + "-1", once, CUT.minus(Duration.ofDays(100))));
            if (i < 6) {
                orders.add(order(once + "-2", once, CUT.plus(Duration.ofDays(30))));
            }
            // An order every month for a year before the cut-off; 34 of 40 order again after it.
            String monthly = "CAL2010-MONTHLY-" + i;
            customers.add(goneBy2011(monthly));
            for (int m = 0; m < 12; m++) {
                orders.add(order(monthly + "-" + m, monthly, CUT.minus(Duration.ofDays(5 + 30L * m))));
            }
            if (i >= 6) {
                orders.add(order(monthly + "-after", monthly, CUT.plus(Duration.ofDays(20))));
            }
        }
        pushAll("customers", customers);
        pushAll("deals", orders);
    }

    @AfterEach
    void putBackTheRulesetThatServedBefore() {
        LiveRuleset.putBack(versionBefore);
    }

    @Test
    void shouldFitTheWeightsAndBandsAndWriteTablesThatGoLiveThroughAPublish() throws IOException {
        // Which signs a one-time buyer shows and which strengths a monthly buyer shows is the live rules' to say.
        List<String> oneTimeSigns = adviceAtTheCutoff("CAL2010-ONCE-39").getList("risk.signs.code", String.class);
        List<String> monthlyStrengths = adviceAtTheCutoff("CAL2010-MONTHLY-39").getList("risk.strengths.code", String.class);

        JsonPath job = finished(start("minCustomers", "5"));
        String id = job.getString("id");
        JsonPath report = job.setRootPath("report");

        assertEquals(80, report.getInt("customers"));
        assertEquals(40, report.getInt("positives"), "34 one-time buyers and 6 monthly buyers did not order again");
        // The fit finds the pattern: a sign all 40 one-time buyers show weighs, a strength all 40 monthly buyers show
        // takes points off.
        Map<String, Object> oneTime = fittedOfAllForty(report, oneTimeSigns, "SIGN");
        assertTrue((Integer) oneTime.get("proposedPoints") > 0, "leaving one-time buyers weigh: " + oneTime);
        Map<String, Object> monthly = fittedOfAllForty(report, monthlyStrengths, "STRENGTH");
        assertTrue((Integer) monthly.get("proposedPoints") > 0, "staying monthly buyers take points off: " + monthly);
        assertTrue(report.getDouble("preview.proposedAuc") > 0.8, "the preview ranks leavers first: " + report.getDouble("preview.proposedAuc"));
        assertEquals(List.of("LOW", "MEDIUM", "HIGH", "CRITICAL"), report.getList("bands.level"));
        assertNotNull(report.getString("proposedVersion"));
        String sign = (String) oneTime.get("code");
        assertTrue(report.getString("files.'risk-levels/sign-weights.drl.csv'").contains(SignWeightsTable.ruleName(sign)
                + "," + sign + "," + oneTime.get("proposedPoints") + ","));

        // The proposed files, as a zip, go live through a publish (with a scenario of their own: the shipped ones pin
        // the shipped weights), and the advice then weighs what the calibration proposed.
        byte[] zip = given().get("/api/rules/calibrations/" + id + "/files")
                .then().statusCode(200).contentType("application/zip").extract().asByteArray();
        Map<String, byte[]> proposal = unzip(zip);
        assertEquals(List.of(RiskBandsTable.PATH, SignWeightsTable.PATH), List.copyOf(proposal.keySet()));
        Map<String, byte[]> files = ShippedRules.files();
        files.keySet().removeIf(path -> path.startsWith("tests/"));
        files.putAll(proposal);
        String published = LiveRuleset.publish(FixtureRules.withMarker(files, 7), "Anna Analyst", "Calibrated on 2010")
                .statusCode(200).extract().path("version");

        given().queryParam("asOf", CUTOFF).get("/api/customers/CAL2010-ONCE-39/advice").then().statusCode(200)
                .body("rulesetVersion", equalTo(published))
                .body("risk.basePoints", equalTo(report.getInt("base.proposedPoints")))
                .body("risk.signs.find { it.code == '" + sign + "' }.weight", equalTo(oneTime.get("proposedPoints")))
                .body("risk.signs.find { it.code == '" + sign + "' }.weightRule", equalTo(SignWeightsTable.ruleName(sign)));
    }

    private static JsonPath adviceAtTheCutoff(String customerId) {
        return given().queryParam("asOf", CUTOFF).get("/api/customers/" + customerId + "/advice").then().statusCode(200)
                .extract().jsonPath();
    }

    /** Of the codes given, the fitted one of this kind shown by all 40 customers of a group that weighs most. */
    private static Map<String, Object> fittedOfAllForty(JsonPath report, List<String> codes, String kind) {
        return codes.stream().map(code -> weight(report, code))
                .filter(weight -> weight != null && kind.equals(weight.get("kind")) && "FITTED".equals(weight.get("status"))
                        && Integer.valueOf(40).equals(weight.get("customers")))
                .max(Comparator.comparingInt(weight -> (Integer) weight.get("proposedPoints")))
                .orElseThrow(() -> new AssertionError("none of " + codes + " is a fitted " + kind + " of all 40: " + report.getList("weights")));
    }

    @Test
    void shouldWriteTheProposedFilesIntoAFolderFromTheCommandLine(@TempDir Path folder) throws IOException {
        for (var file : ShippedRules.files().entrySet()) {
            Files.createDirectories(folder.resolve(file.getKey()).getParent());
            Files.write(folder.resolve(file.getKey()), file.getValue());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = new RulesCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of("calibrate", "--dir", folder.toString(), "--url", service.toString(), "--cutoff", CUTOFF,
                        "--horizon", "P90D", "--outcome", "NO_ORDER", "--min-customers", "5", "--out", folder.toString()));

        assertEquals(RulesCommand.OK, exit, err.toString(StandardCharsets.UTF_8));
        JsonPath report = new JsonPath(out.toString(StandardCharsets.UTF_8));
        assertEquals(80, report.getInt("customers"));
        assertTrue(report.get("files") == null, "the report printed leaves the files out: they are written");
        String written = Files.readString(folder.resolve(SignWeightsTable.PATH));
        assertTrue(written.contains(SignWeightsTable.BASE_RULE + "," + report.getInt("base.proposedPoints")), written);
        assertTrue(Files.readString(folder.resolve(RiskBandsTable.PATH)).contains(RiskBandsTable.ruleName(RiskLevel.CRITICAL)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("wrote"));
    }

    @Test
    void shouldNameEveryParameterItCannotUse() {
        given().queryParams(Map.of("cutoff", CUTOFF, "horizon", "P90D", "outcome", "NO_ORDER", "pointsToDoubleOdds", "0",
                        "regularisation", "much", "levelRates", "0.5,0.4,0.9"))
                .when().post("/api/rules/calibration")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("pointsToDoubleOdds", "regularisation", "levelRates")));
    }

    @Test
    void shouldAnswer404ForAnUnknownCalibrationAnd409ForTheFilesOfOneNotDone() {
        given().get("/api/rules/calibrations/no-such-job").then().statusCode(404).contentType("application/problem+json");

        String running = start("minCustomers", "5").extract().path("id");
        String cancelled = start("minCustomers", "5").extract().path("id");
        given().delete("/api/rules/calibrations/" + cancelled).then().statusCode(200);
        finished(given().queryParam("waitSeconds", 60).get("/api/rules/calibrations/" + running).then());

        given().queryParam("waitSeconds", 60).get("/api/rules/calibrations/" + cancelled).then().body("state", equalTo("CANCELLED"));
        given().get("/api/rules/calibrations/" + cancelled + "/files").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("CANCELLED"));
    }

    private static io.restassured.response.ValidatableResponse start(String... parameters) {
        var request = given().queryParams(Map.of("cutoff", CUTOFF, "horizon", "P90D", "outcome", "NO_ORDER"));
        for (int i = 0; i < parameters.length; i += 2) {
            request.queryParam(parameters[i], parameters[i + 1]);
        }
        return request.when().post("/api/rules/calibration").then().statusCode(202)
                .body("kind", equalTo("calibration"))
                .header("Location", matchesPattern(".*/api/rules/calibrations/[0-9a-f-]{36}$"));
    }

    private static JsonPath finished(io.restassured.response.ValidatableResponse accepted) {
        String location = accepted.extract().header("Location");
        String id = accepted.extract().path("id");
        JsonPath job = given().queryParam("waitSeconds", 60).get(location == null ? "/api/rules/calibrations/" + id : location)
                .then().statusCode(200).extract().jsonPath();
        assertEquals("DONE", job.getString("state"), () -> "the calibration did not end well: " + job.prettify());
        return job;
    }

    private static Map<String, Object> weight(JsonPath report, String code) {
        return report.getMap("weights.find { it.code == '" + code + "' }");
    }

    private static Item goneBy2011(String id) {
        return customer(id).with("createdAt", "2009-01-01T09:00:00Z").with("status", "CHURNED").with("churnedAt", "2010-12-01T00:00:00Z");
    }

    private static Item order(String id, String customerId, Instant closedAt) {
        return wonOrder(id, customerId, 0, "100.00").with("openedAt", closedAt.minus(Duration.ofDays(1)).toString())
                .with("closedAt", closedAt.toString());
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }
}
