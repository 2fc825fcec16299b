package com.retentionadvisor.notifications;

import static com.retentionadvisor.Crm.customer;
import static com.retentionadvisor.Crm.emailEvent;
import static com.retentionadvisor.Crm.manager;
import static com.retentionadvisor.Crm.pushAll;
import static com.retentionadvisor.Crm.survey;
import static com.retentionadvisor.Crm.ticket;
import static com.retentionadvisor.Crm.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

import com.retentionadvisor.Crm.Item;
import com.retentionadvisor.FixtureRules;
import com.retentionadvisor.rulesets.LiveRuleset;
import com.retentionadvisor.rulesets.ShippedRules;

/**
 * The CRM's webhook through the real stack: evaluations queue events in the outbox, the scheduled worker delivers
 * them, signed, to a receiver in the test that can fail on purpose; retries back off, and nothing goes out twice.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
@TestProfile(WebhooksApiTest.SendingToATestCrm.class)
class WebhooksApiTest {

    static final String SECRET = "a-secret-only-this-test-and-its-crm-share";
    static final CrmReceiver CRM = CrmReceiver.start();
    static final Duration BACKOFF = Duration.ofSeconds(1);

    /** The webhook points at the receiver; the outbox is polled every second; retries after 1 s, 2 s, then give up. */
    public static class SendingToATestCrm implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("retention.webhooks.url", CRM.url(),
                    "retention.webhooks.secret", SECRET,
                    "retention.webhooks.poll", "1s",
                    "retention.webhooks.backoff", BACKOFF.toSeconds() + "s",
                    "retention.webhooks.backoff-max", "2s",
                    "retention.webhooks.max-attempts", "3",
                    "retention.webhooks.timeout", "5s");
        }
    }

    private String managerId;
    private String customerId;

    private String versionBefore;

    /**
     * A detractor who answered 0 two days ago (a recovery call, urgent by any measure the rules would take), with a
     * manager of their own; scored by the fixture's weights and bands (detractor 30, complaint 30, emails unopened 20;
     * MEDIUM from 20, HIGH from 45, CRITICAL from 70), put live meanwhile. Which recommendations the CRM is told of, and
     * from which level a rise, is the rules' to say: the tests follow what the advice says it told.
     */
    @BeforeEach
    void aRecentDetractorWithAManager() {
        versionBefore = LiveRuleset.version();
        LiveRuleset.publish(FixtureRules.scoredByTheFixture(ShippedRules.files()), "test", "scored by the fixture").statusCode(200);
        managerId = unique("M");
        customerId = unique("HOOK");
        pushAll("managers", List.of(manager(managerId)));
        pushAll("customers", List.of(customer(customerId).with("managerExternalId", managerId)));
        pushAll("surveys", List.of(survey(unique("S"), customerId, 0, 0, null).with("answeredAt", ago(Duration.ofDays(2)))));
    }

    @AfterEach
    void putBackTheRulesetThatServedBefore() {
        LiveRuleset.putBack(versionBefore);
    }

    @Test
    void shouldDeliverAHighPriorityRecommendationOnceAfterARetryWithAVerifiableSignature() {
        CRM.failOnceFor("HIGH_PRIORITY_RECOMMENDATION", customerId);

        JsonPath evaluation = evaluate();
        String actionCode = toldOfFirst(evaluation);
        long recommendationId = recommendationOf(evaluation, actionCode);
        JsonPath entry = awaitEntry("recommendation:" + recommendationId, status -> status.equals("DELIVERED"));

        assertThat(entry.getString("event"), equalTo("HIGH_PRIORITY_RECOMMENDATION"));
        assertThat(entry.getInt("attempts"), equalTo(2));
        assertThat(entry.getInt("deliveries[0].httpStatus"), equalTo(500));
        assertThat(entry.getString("deliveries[0].error"), equalTo("HTTP 500: the CRM is down for maintenance"));
        assertThat(entry.getInt("deliveries[1].httpStatus"), equalTo(200));
        assertThat(entry.get("deliveries[1].error"), nullValue());
        Duration waited = Duration.between(Instant.parse(entry.getString("deliveries[0].attemptedAt")),
                Instant.parse(entry.getString("deliveries[1].attemptedAt")));
        assertThat("the retry waits for the backoff", waited, greaterThanOrEqualTo(BACKOFF));

        List<CrmReceiver.Received> requests = CRM.deliveriesOf(entry.getLong("id"));
        assertThat(requests.stream().map(CrmReceiver.Received::answeredWith).toList(), equalTo(List.of(500, 200)));
        for (CrmReceiver.Received request : requests) {
            assertThat(request.signature(), equalTo(expectedSignature(request.body())));
            assertThat(request.event(), equalTo("HIGH_PRIORITY_RECOMMENDATION"));
        }
        JsonPath delivered = JsonPath.from(requests.get(1).bodyText());
        assertThat(delivered.getString("event"), equalTo("HIGH_PRIORITY_RECOMMENDATION"));
        assertThat(delivered.getLong("recommendation.id"), equalTo(recommendationId));
        assertThat(delivered.getString("recommendation.actionCode"), equalTo(actionCode));
        assertThat(delivered.getString("recommendation.ownerManagerId"), equalTo(managerId));
        assertThat(delivered.getString("customer.id"), equalTo(customerId));
        // The rule the advice named for the notice.
        assertThat(delivered.getString("rule"),
                equalTo(evaluation.getString("advice.crmNotices.actions.find { it.code == '" + actionCode + "' }.rule")));
    }

    @Test
    void shouldTellARiseOnceAndNeverQueueOrDeliverTheSameEventTwice() {
        // A complaint and a dozen emails unread besides: 80 points, the fixture's top level, a rise the rules tell of
        // whatever level they tell from.
        pushAll("tickets", List.of(ticket(unique("T"), customerId, 0, "COMPLAINT").with("openedAt", ago(Duration.ofDays(1)))));
        List<Item> emails = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            emails.add(emailEvent(unique("E"), customerId, 0, "SENT", unique("news")).with("occurredAt", ago(Duration.ofDays(60 - 4 * i))));
        }
        pushAll("email-events", emails);
        JsonPath first = evaluate();
        assertThat(first.getString("advice.risk.level"), equalTo("CRITICAL"));
        assertThat(first.getString("advice.crmNotices.riskRise.atLeast"), notNullValue());

        JsonPath rise = awaitEntry(riseKeyOf(customerId), status -> status.equals("DELIVERED"));
        List<JsonPath> recommendations = new ArrayList<>();
        for (String actionCode : first.getList("advice.crmNotices.actions.code", String.class)) {
            recommendations.add(awaitEntry("recommendation:" + recommendationOf(first, actionCode), "DELIVERED"::equals));
        }
        assertThat("the CRM is told of a recommendation", recommendations, not(empty()));
        JsonPath risePayload = JsonPath.from(CRM.deliveriesOf(rise.getLong("id")).get(0).bodyText());
        assertThat(risePayload.getString("level"), equalTo("CRITICAL"));
        assertThat(risePayload.get("levelBefore"), nullValue());
        assertThat(risePayload.getList("signs.code", String.class), hasItems("NPS_DETRACTOR", "OPEN_COMPLAINT"));

        JsonPath again = evaluate();
        assertThat(again.getInt("created"), equalTo(0));
        given().queryParam("event", "RISK_LEVEL_ROSE").queryParam("size", 100).get("/api/notifications/outbox").then()
                .statusCode(200).body("items.findAll { it.key.startsWith('risk-rise:" + customerId + ":') }", hasSize(1));

        // The digest is queued after them and delivered after them: had they gone out again, it would be by now.
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        JsonPath digests = given().queryParam("date", today).post("/api/notifications/digests").then().statusCode(200)
                .extract().jsonPath();
        awaitEntry("digest:" + managerId + ":" + today, "DELIVERED"::equals);
        recommendations.add(rise);
        for (JsonPath entry : recommendations) {
            assertThat(CRM.deliveriesOf(entry.getLong("id")), hasSize(1));
        }
        given().queryParam("date", today).post("/api/notifications/digests").then().statusCode(200)
                .body("queued", equalTo(0))
                .body("alreadyQueued", equalTo(digests.getInt("queued") + digests.getInt("alreadyQueued")));
    }

    @Test
    void shouldGiveUpAfterTheLastAttemptAndLogEachOne() {
        CRM.failAlwaysFor(customerId);

        JsonPath evaluation = evaluate();
        long recommendationId = recommendationOf(evaluation, toldOfFirst(evaluation));
        JsonPath entry = awaitEntry("recommendation:" + recommendationId, "FAILED"::equals);

        assertThat(entry.getInt("attempts"), equalTo(3));
        assertThat(entry.getList("deliveries.httpStatus"), equalTo(List.of(500, 500, 500)));
        assertThat(entry.getList("deliveries.attempt"), equalTo(List.of(1, 2, 3)));
        assertThat(entry.getString("lastError"), containsString("HTTP 500"));
        assertThat(entry.get("nextAttemptAt"), nullValue());
        assertThat(CRM.deliveriesOf(entry.getLong("id")), hasSize(3));
        given().queryParam("status", "FAILED").get("/api/notifications/outbox").then().statusCode(200)
                .body("items.status", everyItem(equalTo("FAILED")));
    }

    @Test
    void shouldTurnAwayBadOutboxParameters() {
        given().queryParam("status", "SENT").get("/api/notifications/outbox").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("status"));
        given().queryParam("event", "RISK_FELL").get("/api/notifications/outbox").then().statusCode(400)
                .body("errors[0].field", equalTo("event"));
        given().queryParam("size", 101).get("/api/notifications/outbox").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        given().queryParam("date", "yesterday").post("/api/notifications/digests").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("date"));
    }

    private JsonPath evaluate() {
        return given().post("/api/customers/" + customerId + "/evaluation").then().statusCode(200).extract().jsonPath();
    }

    /** The first of the actions the advice says the CRM is told of at once. */
    private static String toldOfFirst(JsonPath evaluation) {
        String code = evaluation.getString("advice.crmNotices.actions[0].code");
        assertThat("the CRM is told of a new recommendation for a recent detractor: " + evaluation.prettify(), code != null);
        return code;
    }

    private static long recommendationOf(JsonPath evaluation, String actionCode) {
        Number id = evaluation.get("open.find { it.actionCode == '" + actionCode + "' }.id");
        assertThat("an open " + actionCode + " in " + evaluation.prettify(), id != null);
        return id.longValue();
    }

    private static String riseKeyOf(String customer) {
        String key = given().queryParam("event", "RISK_LEVEL_ROSE").queryParam("size", 100).get("/api/notifications/outbox")
                .then().statusCode(200).extract().path("items.find { it.key.startsWith('risk-rise:" + customer + ":') }.key");
        assertThat("a RISK_LEVEL_ROSE queued for " + customer, key != null);
        return key;
    }

    /** The CRM's check, written apart from the advisor's code: HMAC-SHA256 of the exact body with the shared secret. */
    private static String expectedSignature(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    // Delivery happens in the background: ask the outbox until the entry reaches the status, for at most 30 s.
    private static JsonPath awaitEntry(String key, Predicate<String> reached) {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            JsonPath page = given().queryParam("key", key).get("/api/notifications/outbox").then().statusCode(200)
                    .extract().jsonPath();
            if (page.getInt("total") == 1 && reached.test(page.getString("items[0].status"))) {
                return page.setRootPath("items[0]");
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("outbox entry " + key + " did not reach the status within 30 s: " + page.prettify());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static String ago(Duration duration) {
        return Instant.now().minus(duration).toString();
    }
}
