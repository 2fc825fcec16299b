package com.retentionadvisor.advice;

import static com.retentionadvisor.Crm.AS_OF;
import static com.retentionadvisor.Crm.contact;
import static com.retentionadvisor.Crm.customer;
import static com.retentionadvisor.Crm.emailEvent;
import static com.retentionadvisor.Crm.pushAll;
import static com.retentionadvisor.Crm.survey;
import static com.retentionadvisor.Crm.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

import com.retentionadvisor.contacts.Channel;
import com.retentionadvisor.contacts.Direction;
import com.retentionadvisor.contacts.Purpose;

/** Ingest → facts → rules from rules/ → advice and contact checks, through the real HTTP API and PostgreSQL. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class AdviceApiTest {

    private String customerId;

    @BeforeEach
    void aCustomer() {
        customerId = unique("C");
        pushAll("customers", List.of(customer(customerId)));
    }

    private ValidatableResponse advice(String asOf) {
        return given().queryParam("asOf", asOf)
                .when().get("/api/customers/{id}/advice", customerId)
                .then();
    }

    private static List<String> liveRules() {
        return given().get("/api/rules").then().statusCode(200).extract().jsonPath().getList("rules", String.class);
    }

    private ValidatableResponse contactCheck(String channel, String purpose, String direction) {
        return given().contentType(ContentType.JSON).queryParam("asOf", AS_OF.toString())
                .body(direction == null ? Map.of("channel", channel, "purpose", purpose)
                        : Map.of("channel", channel, "purpose", purpose, "direction", direction))
                .when().post("/api/customers/{id}/contact-check", customerId)
                .then();
    }

    @Test
    void shouldExplainADriftingCustomerWithSignsLevelAndActions() {
        pushAll("email-events", List.of(
                emailEvent(unique("E"), customerId, 40, "SENT", "feb"),
                emailEvent(unique("E"), customerId, 30, "SENT", "mar"),
                emailEvent(unique("E"), customerId, 20, "SENT", "apr")));
        pushAll("surveys", List.of(survey(unique("N"), customerId, 2, 4, null)));

        JsonPath advice = advice(AS_OF.toString()).statusCode(200)
                .body("customerId", equalTo(customerId))
                .body("asOf", equalTo(AS_OF.toString()))
                .body("risk.level", notNullValue())
                .body("risk.levelRule", notNullValue())
                .body("risk.signs.code", hasItems("NPS_DETRACTOR", "EMAILS_UNOPENED"))
                .body("risk.signs.weightRule", everyItem(startsWith("Weight of ")))
                .body("risk.signs[1].evidence", equalTo("The last 3 emails in a row were not opened"))
                // Which rule names the sign, and at what threshold, is the scenarios' (rules/tests/churn-signs.yaml).
                .body("risk.signs[1].rule", in(liveRules()))
                .body("actions[0].code", equalTo("RECOVERY_CALL"))
                .body("actions[0].reason", containsString("4"))
                .body("stage", equalTo("AWARENESS"))
                .body("contact.allowed", equalTo(true))
                .body("rulesetVersion", matchesPattern("[0-9a-f]{12}"))
                .body("firedRules", hasItem("NPS detractor: the latest answer is 6 or lower"))
                .extract().jsonPath();
        // The heavier sign first; the score is the base points plus the signs' weights less the strengths'.
        List<Integer> weights = advice.getList("risk.signs.weight", Integer.class);
        assertTrue(weights.get(0) >= weights.get(1), "signs heaviest first: " + weights);
        int strengths = advice.getList("risk.strengths.weight", Integer.class).stream().mapToInt(Integer::intValue).sum();
        assertEquals(Math.max(0, advice.getInt("risk.basePoints") + weights.stream().mapToInt(Integer::intValue).sum() - strengths),
                advice.getInt("risk.score"));
    }

    @Test
    void shouldAnswerAsOfAnEarlierInstant() {
        pushAll("surveys", List.of(survey(unique("N"), customerId, 2, 4, null)));

        JsonPath before = advice(AS_OF.minusSeconds(5 * 86_400).toString()).statusCode(200)
                .body("risk.signs.code", not(hasItem("NPS_DETRACTOR")))
                .extract().jsonPath();
        JsonPath after = advice(AS_OF.toString()).statusCode(200)
                .body("risk.signs.code", hasItem("NPS_DETRACTOR"))
                .extract().jsonPath();
        int detractor = after.getInt("risk.signs.find { it.code == 'NPS_DETRACTOR' }.weight");
        assertEquals(before.getInt("risk.score") + detractor, after.getInt("risk.score"), "the answer weighs only from when it came");
    }

    @Test
    void shouldStoreAnEvaluationsAdviceWithTheRulesetVersionAndFiredRulesButNotARead() {
        advice(AS_OF.toString()).statusCode(200);
        String version = given().post("/api/customers/{id}/evaluation", customerId).then().statusCode(200)
                .extract().path("advice.rulesetVersion");

        QuarkusTransaction.requiringNew().run(() -> {
            List<Advice> stored = Advice.list("customer.externalId", customerId);
            assertEquals(1, stored.size(), "the evaluation's advice only, not the read's");
            assertEquals(version, stored.get(0).rulesetVersion);
            assertEquals(stored.get(0).body.firedRules(), stored.get(0).firedRules);
        });
    }

    @Test
    void shouldRefuseAProactiveContactOnceTheWeeklyCapIsReached() {
        pushAll("contacts", List.of(
                contact(unique("K"), customerId, 1),
                contact(unique("K"), customerId, 2),
                contact(unique("K"), customerId, 3)));

        String retryAfter = contactCheck("EMAIL", "VALUE", "OUTBOUND").statusCode(200)
                .body("allowed", equalTo(false))
                .body("reasons.code", contains("CONTACT_CAP"))
                // Which rule refuses is the scenarios' to say (rules/tests/contact-policy.yaml); here: one of the live ruleset's.
                .body("reasons[0].rule", in(liveRules()))
                // The wording is the rules' (messages.properties); here: the evidence is in it.
                .body("reasons[0].message", containsString("3 proactive contacts"))
                .extract().path("retryAfter");
        // When it frees up is the scenarios' too; here: the facts carried the contacts' times to the answer.
        assertTrue(retryAfter != null && Instant.parse(retryAfter).isAfter(AS_OF), "retryAfter after the check: " + retryAfter);
        advice(AS_OF.toString()).body("contact.allowed", equalTo(false));
    }

    @Test
    void shouldStoreEveryContactCheckWithItsAnswerAndTheRulesThatRefusedIt() {
        pushAll("contacts", List.of(
                contact(unique("K"), customerId, 1),
                contact(unique("K"), customerId, 2),
                contact(unique("K"), customerId, 3)));
        Instant before = Instant.now();

        JsonPath answered = contactCheck("EMAIL", "VALUE", "OUTBOUND").body("allowed", equalTo(false)).extract().jsonPath();
        String version = answered.getString("rulesetVersion");
        ContactCheck.Refusal answeredRefusal = new ContactCheck.Refusal(answered.getString("reasons[0].rule"), answered.getString("reasons[0].code"));
        contactCheck("PHONE", "SERVICE", null).body("allowed", equalTo(true));

        QuarkusTransaction.requiringNew().run(() -> {
            List<ContactCheck> stored = ContactCheck.list("customer.externalId = ?1 order by checkedAt", customerId);
            assertEquals(2, stored.size());
            ContactCheck refused = stored.get(0);
            assertEquals(false, refused.allowed);
            assertEquals(List.of(answeredRefusal), refused.refusals, "stored as answered");
            assertEquals("CONTACT_CAP", answeredRefusal.code());
            assertEquals(Channel.EMAIL, refused.channel);
            assertEquals(Purpose.VALUE, refused.purpose);
            assertEquals(Direction.OUTBOUND, refused.direction);
            assertEquals(AS_OF, refused.asOf);
            assertEquals(version, refused.rulesetVersion);
            assertTrue(!refused.checkedAt.isBefore(before.truncatedTo(ChronoUnit.MILLIS)), "checked when answered, not as of");
            ContactCheck allowed = stored.get(1);
            assertEquals(true, allowed.allowed);
            assertEquals(List.of(), allowed.refusals);
            assertEquals(Purpose.SERVICE, allowed.purpose);
        });
    }

    @Test
    void shouldNeverRefuseInboundServiceOrTransactionalContacts() {
        pushAll("contacts", List.of(
                contact(unique("K"), customerId, 1).with("purpose", "SALES"),
                contact(unique("K"), customerId, 2).with("purpose", "SALES"),
                contact(unique("K"), customerId, 3).with("purpose", "SALES")));

        contactCheck("PHONE", "SALES", "INBOUND").body("allowed", equalTo(true));
        contactCheck("EMAIL", "SERVICE", "OUTBOUND").body("allowed", equalTo(true));
        contactCheck("EMAIL", "TRANSACTIONAL", null).body("allowed", equalTo(true));
        contactCheck("EMAIL", "VALUE", null).body("allowed", equalTo(false));
    }

    @Test
    void shouldAllowASalesContactAtExactlyTwentyPercentAndRefuseAbove() {
        pushAll("contacts", List.of(
                contact(unique("K"), customerId, 20).with("purpose", "SERVICE"),
                contact(unique("K"), customerId, 30).with("purpose", "SERVICE"),
                contact(unique("K"), customerId, 40).with("direction", "INBOUND").with("purpose", "SERVICE"),
                contact(unique("K"), customerId, 50).with("purpose", "TRANSACTIONAL")));

        contactCheck("EMAIL", "SALES", "OUTBOUND").statusCode(200)
                .body("allowed", equalTo(true))
                .body("reasons", empty());

        pushAll("contacts", List.of(contact(unique("K"), customerId, 60).with("purpose", "SALES")));

        contactCheck("EMAIL", "SALES", "OUTBOUND")
                .body("allowed", equalTo(false))
                .body("reasons.code", contains("SALES_TALK_RATIO"))
                .body("reasons[0].message", containsString("33%"))
                .body("reasons[0].message", containsString("20%"))
                .body("rulesetVersion", matchesPattern("[0-9a-f]{12}"));
    }

    @Test
    void shouldAnswer404ForAnUnknownCustomer() {
        given().when().get("/api/customers/{id}/advice", "NO-SUCH-CUSTOMER")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("NO-SUCH-CUSTOMER"));
        given().contentType(ContentType.JSON).body(Map.of("channel", "EMAIL", "purpose", "VALUE"))
                .when().post("/api/customers/{id}/contact-check", "NO-SUCH-CUSTOMER")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldRejectAnAsOfThatIsNotAnInstant() {
        advice("yesterday").statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("asOf"));
    }

    @Test
    void shouldRejectAContactCheckWithoutChannelOrWithAnUnknownPurpose() {
        given().contentType(ContentType.JSON).body(Map.of("purpose", "VALUE"))
                .when().post("/api/customers/{id}/contact-check", customerId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("channel"));
        given().contentType(ContentType.JSON).body(Map.of("channel", "EMAIL", "purpose", "GOSSIP"))
                .when().post("/api/customers/{id}/contact-check", customerId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("purpose"))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void shouldServeHealthAndTheApiDocument() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/api/customers/{externalId}/advice"));
    }
}
