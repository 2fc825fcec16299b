package com.retentionadvisor.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/**
 * The demo base's churn follows what customers went through before the cut-off, and a back-test finds it: the
 * signs the generator makes strongly predictive show clearly higher rates than the one it makes meaningless. The
 * base is generated as of 2018 so that its era overlaps no other test's data in the shared database.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class DemoBaseBacktestTest {

    private static final Instant DEMO_NOW = Instant.parse("2018-01-01T00:00:00Z");

    @Inject
    DemoDataLoader loader;

    @Test
    void theBacktestOfTheDemoBaseTellsThePredictiveSignsFromTheMeaninglessOne() {
        loader.load(DemoData.generate(300, 42, DEMO_NOW));
        Instant cutoff = DEMO_NOW.minus(Duration.ofDays(DemoData.CUT_OFF_DAYS_AGO));

        String location = given().queryParams(Map.of("cutoff", cutoff.toString(), "horizon", "P90D", "outcome", "NO_ORDER"))
                .when().post("/api/rules/backtest")
                .then().statusCode(202).extract().header("Location");
        JsonPath job = given().queryParam("waitSeconds", 60).when().get(location)
                .then().statusCode(200).body("state", equalTo("DONE")).extract().jsonPath();
        JsonPath report = job.setRootPath("report");

        Map<String, Map<String, Object>> signs = report.<Map<String, Object>>getList("signs").stream()
                .collect(Collectors.toMap(sign -> (String) sign.get("code"), Function.identity()));
        double meaningless = rate(signs, "MANAGER_CHANGED");
        for (String strong : List.of("ORDERS_FELL", "NPS_DETRACTOR", "OPEN_COMPLAINT")) {
            assertTrue(rate(signs, strong) >= meaningless + 0.25, strong + " " + rate(signs, strong) + " against " + meaningless);
            assertTrue(((Number) signs.get(strong).get("lift")).doubleValue() >= 1.5, strong + " lift");
        }
        assertTrue(((Number) signs.get("MANAGER_CHANGED").get("lift")).doubleValue() < 1.3, "a handover done properly predicts nothing");
        assertTrue(report.getDouble("auc") > 0.7, "the scores rank leavers first: " + report.getDouble("auc"));
    }

    private static double rate(Map<String, Map<String, Object>> signs, String code) {
        return ((Number) signs.get(code).get("rate")).doubleValue();
    }
}
