package com.retentionadvisor.operations;

import static com.retentionadvisor.Crm.AS_OF;
import static com.retentionadvisor.Crm.contact;
import static com.retentionadvisor.Crm.customer;
import static com.retentionadvisor.Crm.detractor;
import static com.retentionadvisor.Crm.push;
import static com.retentionadvisor.Crm.pushAll;
import static com.retentionadvisor.Crm.survey;
import static com.retentionadvisor.Crm.unique;
import static com.retentionadvisor.operations.ScrapedMetrics.scrape;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import com.retentionadvisor.FixtureRules;
import com.retentionadvisor.rulesets.LiveRuleset;
import com.retentionadvisor.rulesets.ShippedRules;

/**
 * /q/metrics moves as the advisor works: each test reads the series it cares about before and after one act and
 * asserts the difference, since the tests share one service and one database.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class MetricsApiTest {

    private static final String ADVICE_URI = "/api/customers/{externalId}/advice";

    private String customerId;
    private String versionBefore;

    /** A detractor, as of the tests' instant. */
    @BeforeEach
    void aDetractor() {
        versionBefore = LiveRuleset.version();
        customerId = detractor("MET");
    }

    @AfterEach
    void putBackTheRulesetThatServedBefore() {
        LiveRuleset.putBack(versionBefore);
    }

    @Test
    void shouldTimeAnAdviceAndCountEachRuleItNames() {
        ScrapedMetrics before = scrape();

        JsonPath advice = given().queryParam("asOf", AS_OF.toString()).get("/api/customers/" + customerId + "/advice")
                .then().statusCode(200).extract().jsonPath();
        List<String> fired = advice.getList("firedRules", String.class);

        ScrapedMetrics after = scrape();
        // The rule that found the detractor, as the advice names it, is among those counted.
        assertThat(fired, hasItem(advice.getString("risk.signs.find { it.code == 'NPS_DETRACTOR' }.rule")));
        assertThat(after.value("retention_advice_seconds_count") - before.value("retention_advice_seconds_count"), equalTo(1.0));
        assertThat(after.value("retention_advice_seconds_bucket", "le", "+Inf")
                - before.value("retention_advice_seconds_bucket", "le", "+Inf"), equalTo(1.0));
        for (String rule : fired) {
            assertThat(rule, after.value("retention_rule_firings_total", "rule", rule)
                    - before.value("retention_rule_firings_total", "rule", rule), equalTo(1.0));
        }
        assertThat(requests(after, ADVICE_URI, "200") - requests(before, ADVICE_URI, "200"), equalTo(1.0));
    }

    @Test
    void shouldLabelRequestsWithTheUriTemplateNotTheCustomer() {
        given().get("/api/customers/" + customerId + "/advice").then().statusCode(200);
        given().get("/api/customers/" + customerId + "-unknown/advice").then().statusCode(404);

        ScrapedMetrics after = scrape();
        assertThat(requests(after, ADVICE_URI, "404"), greaterThan(0.0));
        assertThat(after.all("http_server_requests_seconds_count").stream().map(series -> series.labels().get("uri")).toList(),
                everyItem(not(containsString(customerId))));
        assertThat(after.text(), not(containsString(customerId)));
    }

    @Test
    void shouldCountAContactRefusalByTheRuleThatRefused() {
        // Only pitches, weeks ago: a new one would make sales talk 100%, refused whatever the limit, with no cap or
        // quiet period near.
        pushAll("contacts", List.of(
                contact(unique("K"), customerId, 40).with("purpose", "SALES"),
                contact(unique("K"), customerId, 50).with("purpose", "SALES")));
        ScrapedMetrics before = scrape();

        List<String> refusingRules = given().contentType(ContentType.JSON).queryParam("asOf", AS_OF.toString())
                .body(Map.of("channel", "EMAIL", "purpose", "SALES"))
                .post("/api/customers/" + customerId + "/contact-check")
                .then().statusCode(200)
                .body("allowed", equalTo(false))
                .body("reasons.code", equalTo(List.of("SALES_TALK_RATIO")))
                .extract().jsonPath().getList("reasons.rule", String.class);

        // Counted under the rule the answer named.
        String rule = refusingRules.get(0);
        ScrapedMetrics after = scrape();
        assertThat(after.value("retention_contact_refusals_total", "rule", rule)
                - before.value("retention_contact_refusals_total", "rule", rule), equalTo(1.0));
        assertThat(after.value("retention_contact_checks_total", "allowed", "false")
                - before.value("retention_contact_checks_total", "allowed", "false"), equalTo(1.0));
        assertThat(after.value("retention_rule_firings_total", "rule", rule)
                - before.value("retention_rule_firings_total", "rule", rule), equalTo(1.0));
    }

    @Test
    void shouldCountIngestedItemsByKindAndResult() {
        String newcomer = unique("MET");
        ScrapedMetrics before = scrape();

        pushAll("customers", List.of(customer(newcomer)));
        pushAll("customers", List.of(customer(newcomer)));
        pushAll("customers", List.of(customer(newcomer).with("name", "Renamed " + newcomer)));
        push("contacts", List.of(contact(unique("K"), newcomer, 1), contact(unique("K"), newcomer + "-unknown", 1)))
                .statusCode(200).body("counts.CREATED", equalTo(1)).body("counts.REJECTED", equalTo(1));

        ScrapedMetrics after = scrape();
        assertThat(ingested(after, "customers", "created") - ingested(before, "customers", "created"), equalTo(1.0));
        assertThat(ingested(after, "customers", "unchanged") - ingested(before, "customers", "unchanged"), equalTo(1.0));
        assertThat(ingested(after, "customers", "updated") - ingested(before, "customers", "updated"), equalTo(1.0));
        assertThat(ingested(after, "contacts", "created") - ingested(before, "contacts", "created"), equalTo(1.0));
        assertThat(ingested(after, "contacts", "rejected") - ingested(before, "contacts", "rejected"), equalTo(1.0));
    }

    @Test
    void shouldNotCountABatchTurnedAwayWhole() {
        ScrapedMetrics before = scrape();

        push("customers", List.of(customer(unique("MET")).with("segment", null))).statusCode(400);

        ScrapedMetrics after = scrape();
        for (String result : List.of("created", "updated", "unchanged", "rejected")) {
            assertThat(result, ingested(after, "customers", result), equalTo(ingested(before, "customers", result)));
        }
    }

    @Test
    void shouldCountAndTimeABatchEvaluationAndShowItsProgress() {
        ScrapedMetrics before = scrape();

        String id = given().post("/api/evaluations").then().statusCode(202).extract().path("id");
        int customers = given().queryParam("waitSeconds", 60).get("/api/evaluations/" + id).then().statusCode(200)
                .body("state", equalTo("DONE"))
                .extract().path("report.customers");

        ScrapedMetrics after = scrape();
        assertThat(customers, greaterThan(0));
        assertThat(after.value("retention_batch_evaluation_customers_total")
                - before.value("retention_batch_evaluation_customers_total"), equalTo((double) customers));
        assertThat(after.value("retention_evaluation_seconds_count")
                - before.value("retention_evaluation_seconds_count"), equalTo((double) customers));
        assertThat(after.value("retention_batch_evaluation_seconds_count", "outcome", "done")
                - before.value("retention_batch_evaluation_seconds_count", "outcome", "done"), equalTo(1.0));
        assertThat(after.value("retention_batch_evaluation_progress"), equalTo(1.0));
    }

    @Test
    void shouldMoveTheRulesetVersionLabelWithTheLiveRuleset() {
        assertThat(versions(scrape()), equalTo(List.of(versionBefore)));

        String published = LiveRuleset.publish(FixtureRules.withMarker(ShippedRules.files(), 33),
                "Metrics Test", "A marker of 33").statusCode(200).extract().path("version");

        assertThat(versions(scrape()), equalTo(List.of(published)));
        assertThat(scrape().value("retention_ruleset_info", "version", published), equalTo(1.0));

        given().queryParam("rolledBackBy", "Metrics Test").post("/api/rules/rollback/" + versionBefore).then().statusCode(200);
        assertThat(versions(scrape()), equalTo(List.of(versionBefore)));
    }

    private static double requests(ScrapedMetrics metrics, String uri, String status) {
        return metrics.value("http_server_requests_seconds_count", "method", "GET", "uri", uri, "status", status);
    }

    private static double ingested(ScrapedMetrics metrics, String kind, String result) {
        return metrics.value("retention_ingest_items_total", "kind", kind, "result", result);
    }

    private static List<String> versions(ScrapedMetrics metrics) {
        return metrics.all("retention_ruleset_info").stream().map(series -> series.labels().get("version")).toList();
    }
}
