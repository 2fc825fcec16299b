package com.retentionadvisor.advice;

import static com.retentionadvisor.Crm.AS_OF;
import static com.retentionadvisor.Crm.contact;
import static com.retentionadvisor.Crm.customer;
import static com.retentionadvisor.Crm.push;
import static com.retentionadvisor.Crm.pushAll;
import static com.retentionadvisor.Crm.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * People within an account go from the CRM to the contact policy: ingested with their consent, unsubscribe and time
 * zone, named on contacts, and named in a contact check or an audience check. Which limits apply is the rules'
 * (rules/tests/people-and-calendar-caps.yaml); this checks the way there: the answers for two people of one account
 * differ exactly where their own data differ.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class PeopleApiTest {

    @Test
    void shouldIngestPeopleIdempotentlyAndTurnAwayBadOnes() {
        String customer = unique("PPL");
        pushAll("customers", List.of(customer(customer)));
        Map<String, Object> anna = person(unique("P"), customer);
        anna.put("consent", Map.of("PHONE", false, "EMAIL", true));
        push("people", List.of(anna)).statusCode(200).body("items[0].result", equalTo("CREATED"));
        push("people", List.of(anna)).statusCode(200).body("items[0].result", equalTo("UNCHANGED"));

        Map<String, Object> badZone = person(unique("P"), customer);
        badZone.put("timeZone", "Mars/Olympus_Mons");
        push("people", List.of(badZone)).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("timeZone"));
        push("people", List.of(person(unique("P"), unique("NOBODY")))).statusCode(404)
                .contentType("application/problem+json");
        Map<String, Object> control = person("P-\u001fX", customer);
        push("people", List.of(control)).statusCode(400).body("errors.field", hasItem("externalId"));
    }

    @Test
    void shouldKeepAPersonWithTheirAccountAndKeepConsentTheCrmLeavesOut() {
        String customer = unique("PPL");
        String other = unique("PPL");
        pushAll("customers", List.of(customer(customer), customer(other)));
        String id = unique("P");
        Map<String, Object> anna = person(id, customer);
        anna.put("consent", Map.of("PHONE", false));
        pushAll("people", List.of(anna));

        // Sent again without consent: the consent she withdrew stays withdrawn.
        Map<String, Object> withoutConsent = person(id, customer);
        withoutConsent.put("role", "DECISION_MAKER");
        push("people", List.of(withoutConsent)).statusCode(200).body("items[0].result", equalTo("UPDATED"));
        assertFalse(check(customer, Map.of("channel", "PHONE", "purpose", "SERVICE", "person", id)).getBoolean("allowed"));
        // Given back explicitly, it is given back.
        Map<String, Object> givenBack = person(id, customer);
        givenBack.put("consent", Map.of("PHONE", true));
        pushAll("people", List.of(givenBack));
        assertTrue(check(customer, Map.of("channel", "PHONE", "purpose", "SERVICE", "person", id)).getBoolean("allowed"));

        // A person does not move to another account: alone, 409; in a batch, rejected while the rest is written.
        push("people", List.of(person(id, other))).statusCode(409).contentType("application/problem+json");
        String newcomer = unique("P");
        push("people", List.of(person(id, other), person(newcomer, other))).statusCode(200)
                .body("items[0].result", equalTo("REJECTED"))
                .body("items[1].result", equalTo("CREATED"));
    }

    @Test
    void shouldUnsubscribeAPersonWhoUnsubscribedFromAnEmail() {
        String customer = unique("PPL");
        pushAll("customers", List.of(customer(customer)));
        String id = unique("P");
        pushAll("people", List.of(person(id, customer)));
        Map<String, Object> checkEmail = Map.of("channel", "EMAIL", "purpose", "VALUE", "person", id);
        assertTrue(check(customer, checkEmail).getBoolean("allowed"));

        pushAll("email-events", List.of(com.retentionadvisor.Crm.emailEvent(unique("E"), customer, 5, "UNSUBSCRIBED", "spring-renewal")
                .with("personExternalId", id)));

        JsonPath after = check(customer, checkEmail);
        assertFalse(after.getBoolean("allowed"), after.prettify());
        assertTrue(check(customer, Map.of("channel", "EMAIL", "purpose", "VALUE")).getBoolean("allowed"),
                "the account as a whole is not unsubscribed by one person");
    }

    @Test
    void shouldTurnAwayAContactWithAPersonOfAnotherAccount() {
        String mine = unique("PPL");
        String theirs = unique("PPL");
        pushAll("customers", List.of(customer(mine), customer(theirs)));
        String person = unique("P");
        pushAll("people", List.of(person(person, theirs)));

        push("contacts", List.of(contact(unique("K"), mine, 1).with("personExternalId", person))).statusCode(404)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("personExternalId"));
        push("contacts", List.of(contact(unique("K"), mine, 1).with("personExternalId", unique("NOBODY")))).statusCode(404);
        push("contacts", List.of(contact(unique("K"), theirs, 1).with("personExternalId", person).with("campaign", "spring-renewal")))
                .statusCode(200).body("items[0].result", equalTo("CREATED"));
    }

    @Test
    void shouldRefuseAContactOnAChannelThePersonWithdrewConsentFor() {
        String customer = unique("PPL");
        pushAll("customers", List.of(customer(customer)));
        String withdrawn = unique("P");
        String given = unique("P");
        Map<String, Object> noCalls = person(withdrawn, customer);
        noCalls.put("consent", Map.of("PHONE", false));
        pushAll("people", List.of(noCalls, person(given, customer)));

        JsonPath refused = check(customer, Map.of("channel", "PHONE", "purpose", "SERVICE", "person", withdrawn));
        JsonPath allowed = check(customer, Map.of("channel", "PHONE", "purpose", "SERVICE", "person", given));
        assertFalse(refused.getBoolean("allowed"), refused.prettify());
        assertTrue(allowed.getBoolean("allowed"), allowed.prettify());
        assertNotNull(refused.getString("reasons[0].rule"), "the refusal names its rule");
        // The analyst sees the same beside the facts: the person's fact, and the refusing rule fired.
        JsonPath facts = given().queryParam("asOf", AS_OF.toString()).queryParam("channel", "PHONE").queryParam("purpose", "SERVICE")
                .queryParam("person", withdrawn)
                .get("/api/customers/{id}/facts", customer).then().statusCode(200)
                .body("contact.person", equalTo(withdrawn))
                .extract().jsonPath();
        assertTrue(facts.getBoolean("rules.find { it.rule == '" + refused.getString("reasons[0].rule").replace("'", "\\'") + "' }.fired"),
                facts.prettify());
        given().queryParam("channel", "PHONE").queryParam("purpose", "SERVICE").queryParam("person", unique("NOBODY"))
                .get("/api/customers/{id}/facts", customer).then().statusCode(404).body("errors.field", hasItem("person"));
        // The account as a whole, without a person, is not held back by one person's consent.
        assertTrue(check(customer, Map.of("channel", "PHONE", "purpose", "SERVICE")).getBoolean("allowed"));
    }

    @Test
    void shouldCheckAPersonOnTheirOwnClock() {
        String customer = unique("PPL");
        pushAll("customers", List.of(customer(customer).with("timeZone", "Europe/Moscow")));
        String east = unique("P");
        String west = unique("P");
        Map<String, Object> vladivostok = person(east, customer);
        vladivostok.put("timeZone", "Asia/Vladivostok");
        Map<String, Object> newYork = person(west, customer);
        newYork.put("timeZone", "America/New_York");
        pushAll("people", List.of(vladivostok, newYork));
        Instant at = Instant.parse("2026-03-25T17:00:00Z"); // 03:00 in Vladivostok, 13:00 in New York

        JsonPath night = check(customer, at, Map.of("channel", "PHONE", "purpose", "VALUE", "person", east));
        JsonPath day = check(customer, at, Map.of("channel", "PHONE", "purpose", "VALUE", "person", west));
        assertNotEquals(night.getBoolean("allowed"), day.getBoolean("allowed"), night.prettify() + day.prettify());
        JsonPath refused = night.getBoolean("allowed") ? day : night;
        assertTrue(Instant.parse(refused.getString("retryAfter")).isAfter(at), "asked again later");
        assertEquals(refused.getString("retryAfter"), refused.getString("reasons[0].retryAfter"), "each reason says when it lapses");
    }

    @Test
    void shouldCountCapsPerPersonAndNameTheCapItsCountAndWindow() {
        String customer = unique("PPL");
        pushAll("customers", List.of(customer(customer)));
        String busy = unique("P");
        String quiet = unique("P");
        pushAll("people", List.of(person(busy, customer), person(quiet, customer)));
        List<Object> contacts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            contacts.add(contact(unique("K"), customer, 1 + i * 0.01).with("personExternalId", busy));
        }
        pushAll("contacts", contacts);

        JsonPath busyAnswer = check(customer, Map.of("channel", "EMAIL", "purpose", "VALUE", "person", busy));
        JsonPath quietAnswer = check(customer, Map.of("channel", "EMAIL", "purpose", "VALUE", "person", quiet));
        Set<String> busyCaps = caps(busyAnswer);
        Set<String> quietCaps = caps(quietAnswer);
        assertTrue(busyCaps.containsAll(quietCaps), "the account's caps hold for both: " + busyCaps + " " + quietCaps);
        busyCaps.removeAll(quietCaps);
        assertFalse(busyCaps.isEmpty(), "a cap counts the busy person's own contacts: " + busyAnswer.prettify());
        String cap = busyCaps.iterator().next();
        Map<String, Object> reason = busyAnswer.getMap("reasons.find { it.cap == '" + cap.replace("'", "\\'") + "' }");
        int count = (Integer) reason.get("count");
        int limit = (Integer) reason.get("limit");
        assertTrue(count >= limit, "a cap refuses once its count reaches its limit: " + reason);
        Instant start = Instant.parse((String) reason.get("windowStart"));
        Instant end = Instant.parse((String) reason.get("windowEnd"));
        assertTrue(start.isBefore(AS_OF) && !end.isBefore(AS_OF), "the window holds the check: " + reason);
    }

    @Test
    void shouldAnswerAPersonNotOfTheAccountWith404() {
        String customer = unique("PPL");
        String other = unique("PPL");
        pushAll("customers", List.of(customer(customer), customer(other)));
        String person = unique("P");
        pushAll("people", List.of(person(person, other)));

        given().contentType(ContentType.JSON).queryParam("asOf", AS_OF.toString())
                .body(Map.of("channel", "EMAIL", "purpose", "VALUE", "person", person))
                .post("/api/customers/{id}/contact-check", customer).then().statusCode(404)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("person"));
        given().contentType(ContentType.JSON).queryParam("asOf", AS_OF.toString())
                .body(Map.of("channel", "EMAIL", "purpose", "VALUE", "campaign", "a\u001eb"))
                .post("/api/customers/{id}/contact-check", customer).then().statusCode(400)
                .body("errors.field", hasItem("campaign"));
    }

    @Test
    void shouldCheckAnAudienceOfPeopleEachOnTheirOwn() {
        String customer = unique("PPL");
        pushAll("customers", List.of(customer(customer)));
        String withdrawn = unique("P");
        String given = unique("P");
        Map<String, Object> noEmail = person(withdrawn, customer);
        noEmail.put("consent", Map.of("EMAIL", false));
        pushAll("people", List.of(noEmail, person(given, customer)));
        String unknown = unique("NOBODY");

        JsonPath audience = given().contentType(ContentType.JSON)
                .body(Map.of("channel", "EMAIL", "purpose", "VALUE", "people", List.of(withdrawn, given, unknown), "asOf", AS_OF.toString()))
                .post("/api/contact-checks").then().statusCode(200)
                .body("unknown", equalTo(List.of(unknown)))
                .body("items[0].customerId", equalTo(customer))
                .body("items[0].personId", equalTo(withdrawn))
                .body("items[1].personId", equalTo(given))
                .body("refusals[0].rule", notNullValue())
                .extract().jsonPath();
        assertFalse(audience.getBoolean("items[0].allowed"));
        assertTrue(audience.getBoolean("items[1].allowed"));
        // Each person is answered as the single check answers them.
        JsonPath single = check(customer, Map.of("channel", "EMAIL", "purpose", "VALUE", "person", withdrawn));
        assertEquals(single.getList("reasons.rule"), audience.getList("items[0].reasons.rule"));

        given().contentType(ContentType.JSON)
                .body(Map.of("channel", "EMAIL", "purpose", "VALUE", "people", List.of(given), "customerIds", List.of(customer)))
                .post("/api/contact-checks").then().statusCode(400).contentType("application/problem+json");
    }

    private static Set<String> caps(JsonPath answer) {
        Set<String> caps = new HashSet<>();
        List<String> named = answer.getList("reasons.cap");
        named.stream().filter(java.util.Objects::nonNull).forEach(caps::add);
        return caps;
    }

    private static Map<String, Object> person(String id, String customer) {
        Map<String, Object> person = new HashMap<>();
        person.put("externalId", id);
        person.put("customerExternalId", customer);
        person.put("role", "BUYER");
        person.put("hasEmail", true);
        return person;
    }

    private static JsonPath check(String customer, Map<String, Object> body) {
        return check(customer, AS_OF, body);
    }

    private static JsonPath check(String customer, Instant at, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).queryParam("asOf", at.toString()).body(body)
                .post("/api/customers/{id}/contact-check", customer).then().statusCode(200).extract().jsonPath();
    }
}
