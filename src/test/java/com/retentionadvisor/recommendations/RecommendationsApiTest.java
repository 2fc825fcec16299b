package com.retentionadvisor.recommendations;

import static com.retentionadvisor.Crm.customer;
import static com.retentionadvisor.Crm.manager;
import static com.retentionadvisor.Crm.pushAll;
import static com.retentionadvisor.Crm.survey;
import static com.retentionadvisor.Crm.ticket;
import static com.retentionadvisor.Crm.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * Advice becomes a manager's work: recommendations for the owner the action terms name, kept once per customer and
 * action across evaluations, carried through accept, done and dismiss, and fed back into the rules.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class RecommendationsApiTest {

    private String managerId;
    private String customerId;

    /** A detractor who answered two days ago, owned by a manager of their own. */
    @BeforeEach
    void aRecentDetractorWithAManager() {
        managerId = unique("M");
        customerId = unique("REC");
        pushAll("managers", List.of(manager(managerId)));
        pushAll("customers", List.of(customer(customerId).with("managerExternalId", managerId)));
        pushAll("surveys", List.of(survey(unique("S"), customerId, 0, 3, null).with("answeredAt", daysAgo(2))));
    }

    @Test
    void shouldProposeARecoveryCallToTheManagerDueWithin48Hours() {
        JsonPath evaluation = evaluate().extract().jsonPath();

        Map<String, Object> call = recommendation(evaluation, "RECOVERY_CALL");
        assertThat(call.get("status"), equalTo("PROPOSED"));
        assertThat(call.get("ownerManagerId"), equalTo(managerId));
        assertThat(call.get("rule"), equalTo("A recent detractor gets a recovery call within 48 hours"));
        Duration due = Duration.between(Instant.parse((String) call.get("proposedAt")), Instant.parse((String) call.get("dueAt")));
        assertThat(due, equalTo(Duration.ofDays(2)));

        worklist(managerId).statusCode(200)
                .body("owner", equalTo(managerId))
                .body("items.actionCode", hasItem("RECOVERY_CALL"))
                .body("items[0].actionCode", equalTo("RECOVERY_CALL"))
                .body("items.customerId", everyItem(equalTo(customerId)));
    }

    @Test
    void shouldNotDoubleAnOpenRecommendationOnAnotherEvaluation() {
        JsonPath first = evaluate().extract().jsonPath();
        int open = first.getList("open").size();

        evaluate().body("created", equalTo(0))
                .body("updated", equalTo(open))
                .body("open.id", equalTo(first.getList("open.id")));
        worklist(managerId).body("total", equalTo(open));
    }

    @Test
    void shouldGiveRenewalsToTheRenewalsDeskNotToTheManager() {
        pushAll("subscriptions", List.of(new com.retentionadvisor.Crm.Item().with("externalId", unique("SUB"))
                .with("customerExternalId", customerId).with("product", "CRM Cloud")
                .with("startsOn", java.time.LocalDate.now().minusDays(345).toString())
                .with("endsOn", java.time.LocalDate.now().plusDays(20).toString())
                .with("autoRenew", false).with("annual", true)));

        Map<String, Object> renewal = recommendation(evaluate().extract().jsonPath(), "RENEWAL_REMINDER");

        assertThat(renewal.get("ownerTeam"), equalTo("RENEWALS_DESK"));
        assertThat(renewal.get("ownerManagerId"), nullValue());
        given().get("/api/teams/RENEWALS_DESK/worklist?size=100").then().statusCode(200)
                .body("items.id", hasItem(renewal.get("id")));
        worklist(managerId).body("items.actionCode", not(hasItem("RENEWAL_REMINDER")));
    }

    @Test
    void shouldCarryARecommendationFromAcceptedToDoneAndCountItAsAContact() {
        long id = ((Number) recommendation(evaluate().extract().jsonPath(), "RECOVERY_CALL").get("id")).longValue();
        int contactsBefore = contacts7Days();

        post(id, "accept", null).statusCode(200).body("status", equalTo("ACCEPTED"));
        post(id, "accept", null).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("is ACCEPTED"));
        post(id, "done", "{\"channel\": \"PHONE\", \"note\": \"called, offered a fix\"}").statusCode(200)
                .body("status", equalTo("DONE"))
                .body("note", equalTo("called, offered a fix"))
                .body("closedAt", org.hamcrest.Matchers.notNullValue());
        post(id, "done", "{\"channel\": \"PHONE\"}").statusCode(409);
        post(id, "dismiss", "{\"reason\": \"NOT_RELEVANT\"}").statusCode(409);

        assertThat(contacts7Days(), equalTo(contactsBefore + 1));
        worklist(managerId).body("items.id", not(hasItem((int) id)));
    }

    @Test
    void shouldKeepADismissedActionAwayAsLongAsItsTermsSay() {
        long id = ((Number) recommendation(evaluate().extract().jsonPath(), "RECOVERY_CALL").get("id")).longValue();

        post(id, "dismiss", "{\"reason\": \"CUSTOMER_ASKED_NOT_TO\", \"note\": \"asked for no calls this month\"}")
                .statusCode(200).body("status", equalTo("DISMISSED")).body("dismissReason", equalTo("CUSTOMER_ASKED_NOT_TO"));

        JsonPath again = evaluate().extract().jsonPath();
        assertThat(again.getList("open.actionCode"), not(hasItem("RECOVERY_CALL")));
        // Which rule keeps it away is the scenarios' to say (rules/tests/action-terms.yaml); here: one of the live ruleset's.
        List<String> liveRules = given().get("/api/rules").then().statusCode(200).extract().jsonPath().getList("rules", String.class);
        assertThat(again.getString("advice.suppressed.find { it.code == 'RECOVERY_CALL' }.rule"), in(liveRules));
        assertThat(again.getString("advice.suppressed.find { it.code == 'RECOVERY_CALL' }.reason"), containsString("Dismissed 0 days ago"));
    }

    @Test
    void shouldExpireWhatTheRulesNoLongerPropose() {
        String complaint = unique("T");
        pushAll("tickets", List.of(ticket(complaint, customerId, 0, "COMPLAINT").with("openedAt", daysAgo(1))));
        long id = ((Number) recommendation(evaluate().extract().jsonPath(), "RESOLVE_COMPLAINT").get("id")).longValue();

        pushAll("tickets", List.of(ticket(complaint, customerId, 0, "COMPLAINT").with("openedAt", daysAgo(1))
                .with("closedAt", daysAgo(0.5))));
        evaluate().body("expired", greaterThan(0));

        given().get("/api/recommendations/" + id).then().statusCode(200)
                .body("status", equalTo("EXPIRED"))
                .body("note", equalTo("no longer proposed by the rules"));
    }

    @Test
    void shouldTurnAwayIllegalRequests() {
        long id = ((Number) recommendation(evaluate().extract().jsonPath(), "RECOVERY_CALL").get("id")).longValue();

        post(id, "dismiss", "{}").statusCode(400).body("errors[0].field", equalTo("reason"));
        post(id, "dismiss", "{\"reason\": \"OTHER\"}").statusCode(400).body("errors[0].field", equalTo("note"));
        post(id, "dismiss", "{\"reason\": \"BORED\"}").statusCode(400).contentType("application/problem+json");
        post(id, "done", "{}").statusCode(400).body("errors[0].field", equalTo("channel"));
        post(id, "done", "{\"channel\": \"PHONE\", \"note\": \"" + "x".repeat(2001) + "\"}").statusCode(400);
        post(999_999_999L, "accept", null).statusCode(404).contentType("application/problem+json");
        given().get("/api/recommendations/abc").then().statusCode(400);
        given().get("/api/managers/nobody-" + managerId + "/worklist").then().statusCode(404);
        given().get("/api/managers/" + managerId + "/worklist?level=SEVERE").then().statusCode(400)
                .body("errors[0].field", equalTo("level"));
        given().get("/api/managers/" + managerId + "/worklist?size=101").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        given().post("/api/customers/nobody-" + customerId + "/evaluation").then().statusCode(404);
    }

    @Test
    void shouldFilterAndPageAWorklist() {
        JsonPath evaluation = evaluate().extract().jsonPath();
        int open = evaluation.getList("open").size();
        String level = evaluation.getString("advice.risk.level");

        worklist(managerId, "size", "1").body("items", hasSize(1)).body("total", equalTo(open));
        worklist(managerId, "size", "1", "page", "1").body("items", hasSize(open > 1 ? 1 : 0));
        worklist(managerId, "level", level).body("total", equalTo(open));
        worklist(managerId, "level", "LOW".equals(level) ? "CRITICAL" : "LOW").body("total", equalTo(0));
        worklist(managerId, "dueBefore", Instant.now().plus(Duration.ofDays(3)).toString())
                .body("items.actionCode", hasItem("RECOVERY_CALL"))
                .body("items.actionCode", not(hasItem("SATISFACTION_SURVEY")));
    }

    @Test
    void shouldEvaluateTheWholeBaseAsAJob() {
        String id = given().post("/api/evaluations").then().statusCode(202).extract().path("id");

        given().queryParam("waitSeconds", 60).get("/api/evaluations/" + id).then().statusCode(200)
                .body("state", equalTo("DONE"))
                .body("report.customers", greaterThan(0));
        worklist(managerId).body("items.actionCode", hasItem("RECOVERY_CALL"));
    }

    private ValidatableResponse evaluate() {
        return given().post("/api/customers/" + customerId + "/evaluation").then().statusCode(200);
    }

    private static ValidatableResponse worklist(String manager, String... parameters) {
        var request = given();
        for (int i = 0; i < parameters.length; i += 2) {
            request = request.queryParam(parameters[i], parameters[i + 1]);
        }
        return request.get("/api/managers/" + manager + "/worklist").then().statusCode(200);
    }

    private static ValidatableResponse post(long id, String transition, String body) {
        var request = given();
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.post("/api/recommendations/" + id + "/" + transition).then();
    }

    private int contacts7Days() {
        return given().get("/api/customers/" + customerId + "/timeline").then().statusCode(200)
                .extract().jsonPath().getList("entries.findAll { it.kind == 'CONTACT' }").size();
    }

    private static Map<String, Object> recommendation(JsonPath evaluation, String actionCode) {
        Map<String, Object> found = evaluation.getMap("open.find { it.actionCode == '" + actionCode + "' }");
        assertThat("an open " + actionCode + " in " + evaluation.prettify(), found, org.hamcrest.Matchers.notNullValue());
        return found;
    }

    private static String daysAgo(double days) {
        return Instant.now().minus(Duration.ofSeconds(Math.round(days * 86_400))).toString();
    }
}
