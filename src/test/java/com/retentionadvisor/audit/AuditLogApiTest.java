package com.retentionadvisor.audit;

import static com.retentionadvisor.Crm.customer;
import static com.retentionadvisor.Crm.manager;
import static com.retentionadvisor.Crm.pushAll;
import static com.retentionadvisor.Crm.survey;
import static com.retentionadvisor.Crm.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

import com.retentionadvisor.FixtureRules;
import com.retentionadvisor.rulesets.LiveRuleset;
import com.retentionadvisor.rulesets.ShippedRules;

/**
 * The audit log keeps who published and rolled back rules, who changed a recommendation and who read a customer's
 * card, each with the request it came in; GET /api/audit reads it back. The actor is the caller (here the test's
 * admin), whatever name a publish was given.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class AuditLogApiTest {

    private String versionBefore;
    private String managerId;
    private String customerId;

    /** A detractor who answered two days ago, owned by a manager of their own. */
    @BeforeEach
    void aRecentDetractorWithAManager() {
        versionBefore = LiveRuleset.version();
        managerId = unique("M");
        customerId = unique("AUD");
        pushAll("managers", List.of(manager(managerId)));
        pushAll("customers", List.of(customer(customerId).with("managerExternalId", managerId)));
        pushAll("surveys", List.of(survey(unique("S"), customerId, 0, 3, null)
                .with("answeredAt", Instant.now().minus(Duration.ofDays(2)).toString())));
    }

    @AfterEach
    void putBackTheRulesetThatServedBefore() {
        LiveRuleset.putBack(versionBefore);
    }

    @Test
    void shouldRecordAPublishWithItsPublisherAndARollbackWithWhoRolledBack() {
        String publishRequest = unique("publish");
        String published = given().header("X-Request-Id", publishRequest).contentType("application/zip")
                .body(ShippedRules.zip(FixtureRules.withMarker(ShippedRules.files(), 34)))
                .queryParam("publishedBy", "Anna Analyst").queryParam("comment", "A marker of 34")
                .post("/api/rules/publish").then().statusCode(200).extract().path("version");
        String rollbackRequest = unique("rollback");
        given().header("X-Request-Id", rollbackRequest).queryParam("rolledBackBy", "Rob Release")
                .post("/api/rules/rollback/" + versionBefore).then().statusCode(200);

        Map<String, Object> publish = entryOf(audit("subject", published, "action", "RULESET_PUBLISHED"), publishRequest);
        assertThat(publish.get("actor"), equalTo("test-admin"));
        assertThat(detail(publish).get("publishedBy"), equalTo("Anna Analyst"));
        assertThat(publish.get("subject"), equalTo(published));
        assertThat(detail(publish).get("previousVersion"), equalTo(versionBefore));
        assertThat(detail(publish).get("comment"), equalTo("A marker of 34"));

        Map<String, Object> rollback = entryOf(audit("subject", versionBefore, "action", "RULESET_ROLLED_BACK"), rollbackRequest);
        assertThat(rollback.get("actor"), equalTo("test-admin"));
        assertThat(detail(rollback).get("previousVersion"), equalTo(published));
    }

    @Test
    void shouldNotRecordAPublishThatWasTurnedAway() {
        String request = unique("refused");
        given().header("X-Request-Id", request).contentType("application/zip")
                .body(ShippedRules.zip(FixtureRules.withMarkerAndAFailingScenario(ShippedRules.files())))
                .queryParam("publishedBy", "Anna Analyst").queryParam("comment", "A scenario that contradicts its rule")
                .post("/api/rules/publish").then().statusCode(422);

        assertThat(audit("action", "RULESET_PUBLISHED", "size", "200").getList("items.requestId"), not(hasItem(request)));
    }

    @Test
    void shouldRecordWhoChangedRecommendationsUnderTheirCustomer() {
        JsonPath evaluation = given().post("/api/customers/" + customerId + "/evaluation").then().statusCode(200).extract().jsonPath();
        List<Integer> open = evaluation.getList("open.id", Integer.class);
        assertThat(open.size() >= 2, equalTo(true));
        int dismissed = open.get(0);
        int done = open.get(1);

        String dismissRequest = unique("dismiss");
        given().header("X-Request-Id", dismissRequest).contentType(ContentType.JSON)
                .body(Map.of("reason", "CUSTOMER_ASKED_NOT_TO", "note", "no calls this month"))
                .post("/api/recommendations/" + dismissed + "/dismiss").then().statusCode(200);
        given().post("/api/recommendations/" + done + "/accept").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("channel", "PHONE"))
                .post("/api/recommendations/" + done + "/done").then().statusCode(200);

        JsonPath dismissals = audit("subject", customerId, "action", "RECOMMENDATION_DISMISSED");
        assertThat(dismissals.getInt("total"), equalTo(1));
        Map<String, Object> dismissal = entryOf(dismissals, dismissRequest);
        assertThat(dismissal.get("actor"), equalTo("test-admin"));
        assertThat(detail(dismissal).get("recommendationId"), equalTo(dismissed));
        assertThat(detail(dismissal).get("reason"), equalTo("CUSTOMER_ASKED_NOT_TO"));
        assertThat(detail(dismissal).get("from"), equalTo("PROPOSED"));
        assertThat(audit("subject", customerId).getList("items.action"),
                equalTo(List.of("RECOMMENDATION_DONE", "RECOMMENDATION_ACCEPTED", "RECOMMENDATION_DISMISSED")));
        assertThat(audit("subject", customerId, "action", "RECOMMENDATION_DONE").getMap("items[0].detail"),
                equalTo(Map.of("recommendationId", done, "actionCode", evaluation.getString("open[1].actionCode"),
                        "channel", "PHONE", "from", "ACCEPTED")));
    }

    @Test
    void shouldRecordEveryReadOfACustomersCard() {
        given().header("X-Request-Id", "read-advice-" + customerId).get("/api/customers/" + customerId + "/advice").then().statusCode(200);
        given().header("X-Request-Id", "read-timeline-" + customerId).get("/api/customers/" + customerId + "/timeline").then().statusCode(200);
        given().header("X-Request-Id", "read-page-" + customerId).get("/customers/" + customerId).then().statusCode(200);
        given().get("/api/customers/" + customerId + "-unknown/advice").then().statusCode(404);

        JsonPath reads = audit("subject", customerId, "action", "CUSTOMER_CARD_READ");
        assertThat(reads.getList("items.detail.via"), equalTo(List.of(
                "GET /customers/{externalId}", "GET /api/customers/{externalId}/timeline", "GET /api/customers/{externalId}/advice")));
        assertThat(reads.getList("items.requestId"), equalTo(List.of(
                "read-page-" + customerId, "read-timeline-" + customerId, "read-advice-" + customerId)));
        assertThat(reads.getList("items.actor"), equalTo(List.of("test-admin", "test-admin", "test-admin")));
        assertThat(audit("subject", customerId + "-unknown").getInt("total"), equalTo(0));
    }

    @Test
    void shouldPageAndWindowTheLog() {
        Instant start = Instant.now();
        for (int i = 0; i < 3; i++) {
            given().get("/api/customers/" + customerId + "/timeline").then().statusCode(200);
        }

        assertThat(audit("subject", customerId, "size", "2").getList("items"), hasSize(2));
        assertThat(audit("subject", customerId, "size", "2", "page", "1").getList("items"), hasSize(1));
        assertThat(audit("subject", customerId, "size", "2").getInt("total"), equalTo(3));
        assertThat(audit("subject", customerId, "from", start.minusSeconds(1).toString()).getInt("total"), equalTo(3));
        assertThat(audit("subject", customerId, "to", start.minusSeconds(1).toString()).getInt("total"), equalTo(0));
        assertThat(audit("subject", customerId, "from", Instant.now().plusSeconds(60).toString()).getInt("total"), equalTo(0));
    }

    @Test
    void shouldTurnAwayBadParameters() {
        badRequest("size", "201").body("errors[0].field", equalTo("size"));
        badRequest("page", "-1").body("errors[0].field", equalTo("page"));
        badRequest("action", "CUSTOMER_DELETED").body("errors[0].field", equalTo("action"));
        badRequest("from", "yesterday").body("errors[0].field", equalTo("from"));
        given().queryParam("from", "2026-03-02T00:00:00Z").queryParam("to", "2026-03-01T00:00:00Z").get("/api/audit")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("to"));
    }

    @Test
    void shouldBeInTheApiDocument() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/audit'.get.parameters.name", containsInAnyOrder("subject", "action", "from", "to", "page", "size"));
    }

    private static ValidatableResponse badRequest(String parameter, String value) {
        return given().queryParam(parameter, value).get("/api/audit").then().statusCode(400).contentType("application/problem+json");
    }

    private static JsonPath audit(String... parameters) {
        var request = given();
        for (int i = 0; i < parameters.length; i += 2) {
            request = request.queryParam(parameters[i], parameters[i + 1]);
        }
        return request.get("/api/audit").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> entryOf(JsonPath page, String requestId) {
        Map<String, Object> entry = page.getMap("items.find { it.requestId == '" + requestId + "' }");
        assertThat("an entry of request " + requestId + " in " + page.prettify(), entry, notNullValue());
        return entry;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> detail(Map<String, Object> entry) {
        return (Map<String, Object>) entry.get("detail");
    }
}
