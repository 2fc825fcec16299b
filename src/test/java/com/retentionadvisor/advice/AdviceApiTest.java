package com.retentionadvisor.advice;

import static com.retentionadvisor.Crm.AS_OF;
import static com.retentionadvisor.Crm.contact;
import static com.retentionadvisor.Crm.customer;
import static com.retentionadvisor.Crm.emailEvent;
import static com.retentionadvisor.Crm.pushAll;
import static com.retentionadvisor.Crm.survey;
import static com.retentionadvisor.Crm.unique;
import static io.restassured.RestAssured.given;
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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
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

import com.retentionadvisor.Crm.Item;
import com.retentionadvisor.RuleTexts;
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

    // Far from any threshold an analyst would plausibly set: a dozen emails unread in a row and an NPS answer of 0.
    @Test
    void shouldExplainADriftingCustomerWithSignsLevelAndActions() {
        List<Item> emails = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            emails.add(emailEvent(unique("E"), customerId, 60 - 5 * i, "SENT", "news-" + i));
        }
        pushAll("email-events", emails);
        pushAll("surveys", List.of(survey(unique("N"), customerId, 2, 0, null)));
        List<String> liveRules = liveRules();

        JsonPath advice = advice(AS_OF.toString()).statusCode(200)
                .body("customerId", equalTo(customerId))
                .body("asOf", equalTo(AS_OF.toString()))
                .body("risk.level", notNullValue())
                .body("risk.levelRule", in(liveRules))
                .body("risk.signs.code", hasItems("NPS_DETRACTOR", "EMAILS_UNOPENED"))
                .body("risk.signs.weightRule", everyItem(in(liveRules)))
                // Which rule finds which sign, and at what threshold, is the scenarios' (rules/tests/churn-signs.yaml);
                // here: the facts reach the texts of messages.properties (the streak the emails make, the answer given).
                .body("risk.signs.find { it.code == 'EMAILS_UNOPENED' }.evidence", equalTo(RuleTexts.text("sign.EMAILS_UNOPENED", 12)))
                .body("actions.find { it.code == 'RECOVERY_CALL' }.reason", equalTo(RuleTexts.text("reason.DETRACTOR_ANSWER", 0)))
                .body("stage", notNullValue())
                .body("stageRule", in(liveRules))
                .body("contact.allowed", equalTo(true))
                .body("rulesetVersion", matchesPattern("[0-9a-f]{12}"))
                .extract().jsonPath();
        // Every sign names the rule that found it: one of those that fired, of the live ruleset.
        List<String> fired = advice.getList("firedRules", String.class);
        assertTrue(fired.containsAll(advice.getList("risk.signs.rule", String.class)), "the signs' rules fired: " + fired);
        assertTrue(liveRules.containsAll(fired), "fired rules are the live ruleset's: " + fired);
        // The heaviest sign first; the score is the base points plus the signs' weights less the strengths'.
        List<Integer> weights = advice.getList("risk.signs.weight", Integer.class);
        assertEquals(weights.stream().sorted(Comparator.reverseOrder()).toList(), weights, "signs heaviest first");
        int strengths = advice.getList("risk.strengths.weight", Integer.class).stream().mapToInt(Integer::intValue).sum();
        assertEquals(Math.max(0, advice.getInt("risk.basePoints") + weights.stream().mapToInt(Integer::intValue).sum() - strengths),
                advice.getInt("risk.score"));
    }

    @Test
    void shouldAnswerAsOfAnEarlierInstant() {
        pushAll("surveys", List.of(survey(unique("N"), customerId, 2, 0, null)));

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

    /**
     * A dozen proactive contacts of one purpose in the last week, the newest {@code newestDaysAgo} days old: more than
     * any weekly or monthly cap an analyst would plausibly set.
     */
    private void aDozenContactsThisWeek(String purpose, double newestDaysAgo) {
        List<Item> contacts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            contacts.add(contact(unique("K"), customerId, newestDaysAgo + i * 0.4).with("purpose", purpose));
        }
        pushAll("contacts", contacts);
    }

    @Test
    void shouldRefuseAProactiveContactOnceACapIsReached() {
        aDozenContactsThisWeek("VALUE", 2);
        List<String> liveRules = liveRules();

        String retryAfter = contactCheck("EMAIL", "VALUE", "OUTBOUND").statusCode(200)
                .body("allowed", equalTo(false))
                .body("reasons.code", hasItem("CONTACT_CAP"))
                // Which rules refuse is the scenarios' to say (rules/tests/contact-policy.yaml); here: the live ruleset's.
                .body("reasons.rule", everyItem(in(liveRules)))
                // The wording and the caps are the rules' (messages.properties); here: the facts' count of the 12 is in it.
                .body("reasons.findAll { it.code == 'CONTACT_CAP' }.message", everyItem(RuleTexts.textOf("refusal.CONTACT_CAP", 12)))
                .extract().path("retryAfter");
        // When it frees up is the scenarios' too; here: the facts carried the contacts' times to the answer.
        assertTrue(retryAfter != null && Instant.parse(retryAfter).isAfter(AS_OF), "retryAfter after the check: " + retryAfter);
        advice(AS_OF.toString()).body("contact.allowed", equalTo(false));
    }

    @Test
    void shouldStoreEveryContactCheckWithItsAnswerAndTheRulesThatRefusedIt() {
        aDozenContactsThisWeek("VALUE", 2);
        Instant before = Instant.now();

        JsonPath answered = contactCheck("EMAIL", "VALUE", "OUTBOUND").body("allowed", equalTo(false)).extract().jsonPath();
        String version = answered.getString("rulesetVersion");
        List<String> rules = answered.getList("reasons.rule", String.class);
        List<String> codes = answered.getList("reasons.code", String.class);
        List<ContactCheck.Refusal> answeredRefusals = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            answeredRefusals.add(new ContactCheck.Refusal(rules.get(i), codes.get(i)));
        }
        contactCheck("PHONE", "SERVICE", null).body("allowed", equalTo(true));

        QuarkusTransaction.requiringNew().run(() -> {
            List<ContactCheck> stored = ContactCheck.list("customer.externalId = ?1 order by checkedAt", customerId);
            assertEquals(2, stored.size());
            ContactCheck refused = stored.get(0);
            assertEquals(false, refused.allowed);
            assertEquals(byCodeAndRule(answeredRefusals), byCodeAndRule(refused.refusals), "stored as answered");
            assertTrue(codes.contains("CONTACT_CAP"), "refused by a cap: " + codes);
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

    private static List<ContactCheck.Refusal> byCodeAndRule(List<ContactCheck.Refusal> refusals) {
        return refusals.stream().sorted(Comparator.comparing(ContactCheck.Refusal::code).thenComparing(ContactCheck.Refusal::rule)).toList();
    }

    @Test
    void shouldNeverRefuseInboundServiceOrTransactionalContacts() {
        // A dozen sales contacts this week, the newest an hour ago: caps, the quiet period and sales talk all reached.
        aDozenContactsThisWeek("SALES", 1 / 24.0);

        contactCheck("PHONE", "SALES", "INBOUND").body("allowed", equalTo(true));
        contactCheck("EMAIL", "SERVICE", "OUTBOUND").body("allowed", equalTo(true));
        contactCheck("EMAIL", "TRANSACTIONAL", null).body("allowed", equalTo(true));
        contactCheck("EMAIL", "VALUE", null).body("allowed", equalTo(false));
    }

    /**
     * Sales talk is weighed against every contact of the last 90 days, whatever its direction or purpose, counting the
     * pitch about to be made. The shares are far from any limit an analyst would plausibly set: one pitch among 20
     * contacts (5%), then 61 of 80 (76%). The pitches are 40 days old or more, outside weekly and monthly caps.
     */
    @Test
    void shouldWeighSalesTalkAgainstEveryContactOfTheLast90Days() {
        List<Item> others = new ArrayList<>();
        for (int i = 0; i < 19; i++) {
            Item other = contact(unique("K"), customerId, 40 + i);
            others.add(switch (i % 4) {
                case 0 -> other.with("purpose", "SERVICE").with("channel", "PHONE");
                case 1 -> other.with("direction", "INBOUND").with("purpose", "SERVICE");
                case 2 -> other.with("direction", "INBOUND").with("purpose", "SALES");
                default -> other.with("purpose", "TRANSACTIONAL");
            });
        }
        pushAll("contacts", others);

        contactCheck("EMAIL", "SALES", "OUTBOUND").statusCode(200)
                .body("allowed", equalTo(true))
                .body("reasons", empty());

        List<Item> pitches = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            pitches.add(contact(unique("K"), customerId, 40 + i * 0.5).with("purpose", "SALES"));
        }
        pushAll("contacts", pitches);

        contactCheck("EMAIL", "SALES", "OUTBOUND")
                .body("allowed", equalTo(false))
                .body("reasons.code", hasItem("SALES_TALK_RATIO"))
                // The limit and the window are the rules' (messages.properties words them); the share is the facts'.
                .body("reasons.find { it.code == 'SALES_TALK_RATIO' }.message",
                        RuleTexts.textOf("refusal.SALES_TALK_RATIO", 61 / 80.0))
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
