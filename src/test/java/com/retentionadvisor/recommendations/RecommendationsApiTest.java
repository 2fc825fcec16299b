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
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

import com.retentionadvisor.FixtureRules;
import com.retentionadvisor.RuleTexts;
import com.retentionadvisor.rulesets.LiveRuleset;
import com.retentionadvisor.rulesets.ShippedRules;

/**
 * Advice becomes a manager's work: recommendations for the owner the action terms name, kept once per customer and
 * action across evaluations, carried through accept, done and dismiss, and fed back into the rules.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class RecommendationsApiTest {

    private String managerId;
    private String customerId;

    /** A detractor who answered 0 two days ago (a recovery call at any threshold), owned by a manager of their own. */
    @BeforeEach
    void aRecentDetractorWithAManager() {
        managerId = unique("M");
        customerId = unique("REC");
        pushAll("managers", List.of(manager(managerId)));
        pushAll("customers", List.of(customer(customerId).with("managerExternalId", managerId)));
        pushAll("surveys", List.of(survey(unique("S"), customerId, 0, 0, null).with("answeredAt", daysAgo(2))));
    }

    @Test
    void shouldProposeARecoveryCallToTheManagerDueAsItsTermsSay() {
        JsonPath evaluation = evaluate().extract().jsonPath();

        Map<String, Object> call = recommendation(evaluation, "RECOVERY_CALL");
        assertThat(call.get("status"), equalTo("PROPOSED"));
        assertThat(call.get("ownerManagerId"), equalTo(managerId));
        // The rule and the days are the rules' (rules/tests/action-terms.yaml); here: carried from the advice.
        String action = "advice.actions.find { it.code == 'RECOVERY_CALL' }.";
        assertThat(call.get("rule"), equalTo(evaluation.getString(action + "rule")));
        Duration due = Duration.between(Instant.parse((String) call.get("proposedAt")), Instant.parse((String) call.get("dueAt")));
        assertThat(due, equalTo(Duration.ofDays(evaluation.getInt(action + "dueInDays"))));

        List<Integer> ranks = worklist(managerId).statusCode(200)
                .body("owner", equalTo(managerId))
                .body("items.actionCode", hasItem("RECOVERY_CALL"))
                .body("items.customerId", everyItem(equalTo(customerId)))
                .extract().jsonPath().getList("items.rank", Integer.class);
        assertThat("highest rank first", ranks, equalTo(ranks.stream().sorted(Comparator.reverseOrder()).toList()));
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

    /** Which actions go to a team is the rules' to say: a fixture action laid over them goes to a team of its own. */
    @Test
    void shouldGiveAnActionToTheTeamItsTermsNameNotToTheManager() {
        String versionBefore = LiveRuleset.version();
        try {
            LiveRuleset.publish(FixtureRules.withATeamAction(ShippedRules.files()), "test", "an action for a team").statusCode(200);
            String marked = unique(FixtureRules.MARKED_PREFIX + "REC");
            pushAll("customers", List.of(customer(marked).with("managerExternalId", managerId)));

            Map<String, Object> forTheTeam = recommendation(evaluate(marked).extract().jsonPath(), FixtureRules.TEAM_ACTION);

            assertThat(forTheTeam.get("ownerTeam"), equalTo(FixtureRules.TEAM));
            assertThat(forTheTeam.get("ownerManagerId"), nullValue());
            Duration due = Duration.between(Instant.parse((String) forTheTeam.get("proposedAt")), Instant.parse((String) forTheTeam.get("dueAt")));
            assertThat(due, equalTo(Duration.ofDays(FixtureRules.TEAM_ACTION_DUE_DAYS)));
            given().get("/api/teams/" + FixtureRules.TEAM + "/worklist?size=100").then().statusCode(200)
                    .body("items.id", hasItem(forTheTeam.get("id")));
            worklist(managerId).body("items.customerId", hasItem(marked))
                    .body("items.actionCode", not(hasItem(FixtureRules.TEAM_ACTION)));
        } finally {
            LiveRuleset.putBack(versionBefore);
        }
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
        // Dismissed today: 0 days ago, in the words of messages.properties; how long it stays away is the terms'.
        assertThat(again.getString("advice.suppressed.find { it.code == 'RECOVERY_CALL' }.reason"),
                RuleTexts.textOf("reason.DISMISSED_RECENTLY", 0));
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
        // Due before a minute after the soonest: that one and any due as soon, not those due days later.
        Map<String, Instant> dueAt = new HashMap<>();
        evaluation.<Map<String, Object>>getList("open").forEach(r -> dueAt.put((String) r.get("actionCode"), Instant.parse((String) r.get("dueAt"))));
        Instant before = dueAt.values().stream().min(Comparator.naturalOrder()).orElseThrow().plus(Duration.ofMinutes(1));
        List<String> dueSoonest = dueAt.entrySet().stream().filter(e -> e.getValue().isBefore(before)).map(Map.Entry::getKey).sorted().toList();
        assertThat("open recommendations due at different times: " + dueAt, dueSoonest.size(), lessThan(dueAt.size()));
        List<String> listed = worklist(managerId, "dueBefore", before.toString(), "size", "100")
                .extract().jsonPath().getList("items.actionCode", String.class);
        assertThat(listed.stream().sorted().toList(), equalTo(dueSoonest));
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
        return evaluate(customerId);
    }

    private static ValidatableResponse evaluate(String customer) {
        return given().post("/api/customers/" + customer + "/evaluation").then().statusCode(200);
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
