package com.retentionadvisor.notifications;

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
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

import com.retentionadvisor.FixtureRules;
import com.retentionadvisor.rulesets.LiveRuleset;
import com.retentionadvisor.rulesets.ShippedRules;

/** A manager's daily digest previewed through the API, as JSON (the webhook payload) and as the e-mail body. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class DigestApiTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private String managerId;
    private String customerId;

    private String versionBefore;

    /**
     * A detractor evaluated at MEDIUM risk, then, with a complaint open, at HIGH: two recommendations, one rise. Scored
     * by the fixture's weights and bands (detractor 30, complaint 30; MEDIUM from 20, HIGH from 45), put live meanwhile.
     */
    @BeforeEach
    void aDetractorWhoseComplaintRaisedTheRisk() {
        versionBefore = LiveRuleset.version();
        LiveRuleset.publish(FixtureRules.scoredByTheFixture(ShippedRules.files()), "test", "scored by the fixture").statusCode(200);
        managerId = unique("M");
        customerId = unique("DIG");
        pushAll("managers", List.of(manager(managerId).with("name", "Anna Smirnova")));
        pushAll("customers", List.of(customer(customerId).with("managerExternalId", managerId)));
        pushAll("surveys", List.of(survey(unique("S"), customerId, 0, 0, null).with("answeredAt", ago(Duration.ofDays(2)))));
        evaluate().body("advice.risk.level", equalTo("MEDIUM"));
        pushAll("tickets", List.of(ticket(unique("T"), customerId, 0, "COMPLAINT").with("openedAt", ago(Duration.ofHours(3)))));
        evaluate().body("advice.risk.level", equalTo("HIGH"));
    }

    @AfterEach
    void putBackTheRulesetThatServedBefore() {
        LiveRuleset.putBack(versionBefore);
    }

    @Test
    void shouldPreviewTheDigestWithTheManagersTopRecommendationAsJsonAndHtml() {
        JsonPath json = digest("format", "json").contentType("application/json").extract().jsonPath();

        assertThat(json.getString("event"), equalTo("DAILY_DIGEST"));
        assertThat(json.getString("manager.id"), equalTo(managerId));
        assertThat(json.getInt("openTotal"), equalTo(2));
        assertThat(json.getString("top[0].title"), equalTo("Resolve the open complaint"));
        assertThat(json.getString("top[0].customerId"), equalTo(customerId));
        assertThat(json.getList("top.actionCode"), equalTo(List.of("RESOLVE_COMPLAINT", "RECOVERY_CALL")));
        assertThat(json.getString("email.subject"), equalTo("Your customers on " + TODAY));

        String html = digest("format", "html").contentType(containsString("text/html")).extract().asString();

        assertThat(html, startsWith("<!DOCTYPE html>"));
        assertThat(html, containsString("Hello, Anna Smirnova"));
        assertThat(html, containsString("Resolve the open complaint"));
        assertThat(html, containsString("2 open recommendations"));
        assertThat(html, equalTo(json.getString("email.html")));
    }

    @Test
    void shouldTellTomorrowWhatIsNewAndWhoseRiskRoseToday() {
        JsonPath today = digest("date", TODAY.toString()).extract().jsonPath();
        JsonPath tomorrow = digest("date", TODAY.plusDays(1).toString()).extract().jsonPath();

        assertThat(today.getList("newSinceYesterday"), hasSize(0));
        assertThat(today.getInt("newTotal"), equalTo(0));
        assertThat(today.getList("levelRises"), hasSize(0));
        assertThat(tomorrow.getList("newSinceYesterday.actionCode"), equalTo(List.of("RESOLVE_COMPLAINT", "RECOVERY_CALL")));
        assertThat(tomorrow.getInt("newTotal"), equalTo(2));
        assertThat(tomorrow.getList("levelRises"), hasSize(1));
        assertThat(tomorrow.getString("levelRises[0].customerId"), equalTo(customerId));
        assertThat(tomorrow.getString("levelRises[0].levelBefore"), equalTo("MEDIUM"));
        assertThat(tomorrow.getString("levelRises[0].level"), equalTo("HIGH"));
        assertThat(tomorrow.getString("email.html"), containsString("Risk level rose yesterday"));
        assertThat(today.getString("email.html"), not(containsString("Risk level rose yesterday")));
    }

    @Test
    void shouldWriteTheEmailInRussianWhenAsked() {
        String html = digest("format", "html", "locale", "ru").extract().asString();

        assertThat(html, containsString("lang=\"ru\""));
        assertThat(html, containsString("Здравствуйте, Anna Smirnova"));
        assertThat(html, containsString("Решить открытую жалобу"));
        digest("locale", "ru").body("top.title", hasItem("Решить открытую жалобу"))
                .body("email.subject", equalTo("Ваши клиенты на " + TODAY));
    }

    @Test
    void shouldQueueNothingWhereNoWebhookIsSet() {
        long complaint = ((Number) evaluate().extract().path("open.find { it.actionCode == 'RESOLVE_COMPLAINT' }.id")).longValue();

        given().queryParam("key", "recommendation:" + complaint).get("/api/notifications/outbox").then().statusCode(200)
                .body("total", equalTo(0));
        given().post("/api/notifications/digests").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("retention.webhooks.url"));
    }

    @Test
    void shouldTurnAwayBadDigestParameters() {
        digestRequest("format", "pdf").statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("format"));
        digestRequest("locale", "de").statusCode(400).body("errors[0].field", equalTo("locale"));
        digestRequest("date", "2026-13-01").statusCode(400).body("errors[0].field", equalTo("date"));
        given().get("/api/managers/nobody-" + managerId + "/digest").then().statusCode(404)
                .contentType("application/problem+json");
    }

    private ValidatableResponse evaluate() {
        return given().post("/api/customers/" + customerId + "/evaluation").then().statusCode(200);
    }

    private ValidatableResponse digest(String... parameters) {
        return digestRequest(parameters).statusCode(200);
    }

    private ValidatableResponse digestRequest(String... parameters) {
        var request = given();
        for (int i = 0; i < parameters.length; i += 2) {
            request = request.queryParam(parameters[i], parameters[i + 1]);
        }
        return request.get("/api/managers/" + managerId + "/digest").then();
    }

    private static String ago(Duration duration) {
        return Instant.now().minus(duration).toString();
    }
}
