package com.retentionadvisor.advice;

import static com.retentionadvisor.Crm.AS_OF;
import static com.retentionadvisor.Crm.customer;
import static com.retentionadvisor.Crm.detractor;
import static com.retentionadvisor.Crm.emailEvent;
import static com.retentionadvisor.Crm.pushAll;
import static com.retentionadvisor.Crm.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/**
 * A customer's facts beside the live rules: the answer agrees with the advice the same rules give (fired rules, signs
 * and the rules that concluded them), names every rule of the live ruleset once, and says of each fact which rules read
 * it as each rule says what it reads. Whatever the shipped rules say: no rule name or threshold is pinned here.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class CustomerFactsApiTest {

    @Test
    void shouldAgreeWithTheAdviceTheSameRulesGive() {
        String id = detractor("FACTS");

        JsonPath facts = given().queryParam("asOf", AS_OF.toString()).get("/api/customers/{id}/facts", id)
                .then().statusCode(200).extract().jsonPath();
        JsonPath advice = given().queryParam("asOf", AS_OF.toString()).get("/api/customers/{id}/advice", id)
                .then().statusCode(200).extract().jsonPath();

        assertThat(facts.getString("customerId"), equalTo(id));
        assertThat(facts.getString("rulesetVersion"), equalTo(advice.getString("rulesetVersion")));
        assertThat(facts.getList("rules.findAll { it.fired }.rule"),
                containsInAnyOrder(advice.getList("firedRules").toArray()));
        List<Map<String, String>> signs = advice.getList("risk.signs");
        assertThat(signs, not(empty()));
        for (Map<String, String> sign : signs) {
            List<Map<String, String>> concluded = facts.getList("rules.find { it.rule == '%s' }.concluded".formatted(sign.get("rule").replace("'", "\\'")));
            assertThat(concluded, hasItem(Map.of("kind", "ChurnSign", "code", sign.get("code"))));
        }
    }

    @Test
    void shouldNameEveryLiveRuleOnceAndTellTheSameReadsFromBothSides() {
        String id = unique("FACTS");
        pushAll("customers", List.of(customer(id)));
        pushAll("email-events", List.of(emailEvent(unique("E"), id, 3, "SENT", "news")));

        JsonPath facts = given().get("/api/customers/{id}/facts", id).then().statusCode(200).extract().jsonPath();
        List<String> live = given().get("/api/rules").then().statusCode(200).extract().path("rules");

        List<String> named = facts.getList("rules.rule");
        assertThat(named, containsInAnyOrder(live.toArray()));
        assertThat(new HashSet<>(named).size(), equalTo(named.size()));
        assertThat(facts.getString("facts.find { it.fact == 'CustomerFacts' && it.name == 'customerId' }.value"), equalTo(id));
        assertThat(facts.getList("facts.fact"), hasItem("ContactWindow(7 days)"));
        // A fact's readers are the rules that say they read it, and the other way round.
        List<Map<String, Object>> factValues = facts.getList("facts");
        List<Map<String, Object>> rules = facts.getList("rules");
        int reads = 0;
        for (Map<String, Object> rule : rules) {
            for (Object read : (List<?>) rule.get("reads")) {
                String[] typeAndName = read.toString().split("\\.");
                List<Map<String, Object>> thatFact = factValues.stream()
                        .filter(fact -> fact.get("name").equals(typeAndName[1]) && fact.get("fact").toString().startsWith(typeAndName[0]))
                        .toList();
                if (thatFact.isEmpty()) {
                    continue; // a fact this customer has none of, such as a dismissed action
                }
                List<String> readers = thatFact.stream()
                        .flatMap(fact -> ((List<?>) fact.get("readBy")).stream().map(Object::toString))
                        .toList();
                assertThat(read + " of " + rule.get("rule"), rule.get("rule").toString(), is(in(readers)));
                reads++;
            }
        }
        assertThat("the live rules read some facts", reads > 0, is(true));
        // And the other way round: a window's readers read that window, or every window.
        Map<String, List<?>> readsByRule = new java.util.HashMap<>();
        rules.forEach(rule -> readsByRule.put(rule.get("rule").toString(), (List<?>) rule.get("reads")));
        for (Map<String, Object> fact : factValues) {
            String label = fact.get("fact").toString();
            if (label.startsWith("ContactWindow(")) {
                for (Object reader : (List<?>) fact.get("readBy")) {
                    List<?> itsReads = readsByRule.get(reader.toString());
                    assertThat(reader + " reads " + label, itsReads.contains(label + "." + fact.get("name"))
                            || itsReads.contains("ContactWindow." + fact.get("name")), is(true));
                }
            }
        }
        Set<String> ruleNames = new HashSet<>(named);
        assertThat(facts.getList("facts.readBy.flatten()"), everyItem(is(in(ruleNames))));
    }

    @Test
    void shouldCheckAContactWhenOneIsGiven() {
        String id = unique("FACTS");
        pushAll("customers", List.of(customer(id)));

        given().queryParam("channel", "EMAIL").queryParam("purpose", "SALES").get("/api/customers/{id}/facts", id)
                .then().statusCode(200)
                .body("contact.channel", equalTo("EMAIL"))
                .body("contact.purpose", equalTo("SALES"))
                .body("contact.direction", equalTo("OUTBOUND"))
                .body("facts.find { it.fact == 'ContactIntent' && it.name == 'channel' }.value", equalTo("EMAIL"));
        given().get("/api/customers/{id}/facts", id).then().statusCode(200)
                .body("contact.channel", equalTo(null))
                .body("contact.direction", equalTo("OUTBOUND"));
    }

    @Test
    void shouldRefuseWhatItCannotAnswer() {
        String id = unique("FACTS");
        pushAll("customers", List.of(customer(id)));

        given().queryParam("channel", "EMAIL").get("/api/customers/{id}/facts", id)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("purpose"));
        given().queryParam("channel", "PIGEON").queryParam("purpose", "SALES").get("/api/customers/{id}/facts", id)
                .then().statusCode(400).body("errors[0].field", equalTo("channel"));
        given().queryParam("asOf", "yesterday").get("/api/customers/{id}/facts", id)
                .then().statusCode(400).body("errors[0].field", equalTo("asOf"));
        given().get("/api/customers/{id}/facts", "NO-SUCH-CUSTOMER").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "test-analyst", roles = "analyst")
    void shouldBeOpenToAnalysts() {
        given().get("/api/customers/{id}/facts", "NO-SUCH-CUSTOMER").then().statusCode(404)
                .body("errors[0].field", equalTo("externalId"));
    }

    @Test
    @TestSecurity(user = "test-crm", roles = "crm")
    void shouldBeClosedToTheCrm() {
        given().get("/api/customers/{id}/facts", "ANYONE").then().statusCode(403);
    }
}
