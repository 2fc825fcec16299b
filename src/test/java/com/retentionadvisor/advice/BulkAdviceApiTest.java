package com.retentionadvisor.advice;

import static com.retentionadvisor.Crm.AS_OF;
import static com.retentionadvisor.Crm.contact;
import static com.retentionadvisor.Crm.customer;
import static com.retentionadvisor.Crm.detractor;
import static com.retentionadvisor.Crm.pushAll;
import static com.retentionadvisor.Crm.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import com.retentionadvisor.Crm;

/**
 * Many customers in one call: each answer is the one the single call gives (same ruleset, same as-of), in the order
 * asked, unknown ids reported per item; nothing is stored. Checked against the single endpoints, so that the shipped
 * thresholds can change without touching this test.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class BulkAdviceApiTest {

    @Test
    void shouldAnswerEachCustomersAdviceInTheOrderAskedAsTheSingleCallDoes() {
        String detractor = detractor("BQ");
        String quiet = unique("BQ");
        pushAll("customers", List.of(customer(quiet)));
        String unknown = unique("NOBODY");

        JsonPath answer = given().contentType(ContentType.JSON)
                .body(Map.of("customerIds", List.of(detractor, unknown, quiet, detractor), "asOf", AS_OF.toString()))
                .post("/api/advice/query").then().statusCode(200)
                .body("customers", equalTo(4)).body("unknown", equalTo(1))
                .body("items.customerId", contains(detractor, unknown, quiet, detractor))
                .body("items.status", contains(200, 404, 200, 200))
                .body("items[1].advice", nullValue())
                .extract().jsonPath();

        for (int item : List.of(0, 2)) {
            String id = answer.getString("items[" + item + "].customerId");
            JsonPath single = given().queryParam("asOf", AS_OF.toString()).get("/api/customers/{id}/advice", id)
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(single.getMap("risk"), answer.getMap("items[" + item + "].advice.risk"), id);
            assertEquals(single.getString("stage"), answer.getString("items[" + item + "].advice.stage"), id);
            assertEquals(single.getList("actions"), answer.getList("items[" + item + "].advice.actions"), id);
            assertEquals(single.getList("firedRules"), answer.getList("items[" + item + "].advice.firedRules"), id);
            assertEquals(single.getString("rulesetVersion"), answer.getString("rulesetVersion"));
        }
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Advice.count("customer.externalId in ?1", List.of(detractor, quiet))),
                "a bulk read stores no advice");
    }

    @Test
    void shouldAnswerCustomersOfManyPagesInTheOrderAskedAndAnAudienceMemberNamedTwiceOnce() {
        List<String> ids = IntStream.range(0, BulkAdviceService.PAGE_SIZE * 2 + 100).mapToObj(i -> unique("MANY")).toList();
        pushAll("customers", ids.stream().map(Crm::customer).toList());
        List<String> asked = new ArrayList<>(ids);
        Collections.reverse(asked);

        JsonPath answer = given().contentType(ContentType.JSON).body(Map.of("customerIds", asked)).post("/api/advice/query")
                .then().statusCode(200).body("unknown", equalTo(0)).extract().jsonPath();
        assertEquals(asked, answer.getList("items.customerId"), "three pages evaluated apart, answered in the order asked");
        assertTrue(answer.getList("items.status", Integer.class).stream().allMatch(status -> status == 200));
        assertTrue(answer.getList("items.advice.rulesetVersion").stream().allMatch(answer.getString("rulesetVersion")::equals));

        List<String> twice = new ArrayList<>(ids.subList(0, 3));
        twice.add(ids.get(0));
        given().contentType(ContentType.JSON).body(Map.of("channel", "EMAIL", "purpose", "VALUE", "customerIds", twice))
                .post("/api/contact-checks").then().statusCode(200)
                .body("customers", equalTo(3)).body("items.customerId", contains(ids.get(0), ids.get(1), ids.get(2)));
    }

    @Test
    void shouldTellWhatIsWrongWithAQuery() {
        problem(Map.of("customerIds", List.of()), "/api/advice/query", 400).body("errors[0].field", equalTo("customerIds"));
        problem(Map.of("customerIds", List.of("A", " ")), "/api/advice/query", 400).body("errors[0].field", equalTo("customerIds[1]"));
        problem(Map.of("customerIds", List.of("A"), "asOf", "yesterday"), "/api/advice/query", 400).body("errors[0].field", equalTo("asOf"));
        List<String> tooMany = IntStream.range(0, 1001).mapToObj(i -> "C" + i).toList();
        problem(Map.of("customerIds", tooMany), "/api/advice/query", 413);
        problem(Map.of("customerIds", List.of("A")), "/api/contact-checks", 400).body("errors.field", contains("channel", "purpose"));
        problem(Map.of("channel", "PIGEON", "purpose", "SALES", "customerIds", List.of("A")), "/api/contact-checks", 400)
                .body("errors[0].field", equalTo("channel"));
    }

    @Test
    void shouldCheckAnAudienceAsTheSingleChecksDoWithCountsPerRefusal() {
        // Customers contacted not at all, a little, and a great deal in the last days: whatever the shipped caps are,
        // the last are refused by some rule, and every answer must be the single check's.
        List<String> audience = new ArrayList<>();
        List<Crm.Item> contacts = new ArrayList<>();
        for (int contacted : List.of(0, 1, 12, 12)) {
            String id = unique("AUD");
            audience.add(id);
            pushAll("customers", List.of(customer(id)));
            for (int i = 0; i < contacted; i++) {
                contacts.add(contact(unique("K"), id, 0.1 + i * 0.2));
            }
        }
        pushAll("contacts", contacts);
        String unknown = unique("NOBODY");
        List<String> asked = new ArrayList<>(audience);
        asked.add(1, unknown);
        Map<String, Object> intent = Map.of("channel", "EMAIL", "purpose", "VALUE");

        Map<String, Object> body = new LinkedHashMap<>(intent);
        body.put("customerIds", asked);
        body.put("asOf", AS_OF.toString());
        JsonPath answer = given().contentType(ContentType.JSON).body(body).post("/api/contact-checks").then().statusCode(200)
                .body("customers", equalTo(4))
                .body("unknown", contains(unknown))
                .body("items.customerId", contains(audience.toArray()))
                .extract().jsonPath();

        int refused = 0;
        Map<String, Integer> byRule = new LinkedHashMap<>();
        for (int i = 0; i < audience.size(); i++) {
            JsonPath single = given().contentType(ContentType.JSON).queryParam("asOf", AS_OF.toString()).body(intent)
                    .post("/api/customers/{id}/contact-check", audience.get(i)).then().statusCode(200).extract().jsonPath();
            assertEquals(single.getBoolean("allowed"), answer.getBoolean("items[" + i + "].allowed"), audience.get(i));
            assertEquals(single.getList("reasons"), answer.getList("items[" + i + "].reasons"), audience.get(i));
            if (!single.getBoolean("allowed")) {
                refused++;
            }
            single.getList("reasons.rule", String.class).stream().distinct().forEach(rule -> byRule.merge(rule, 1, Integer::sum));
        }
        assertTrue(refused >= 2, "the customers contacted a great deal are refused");
        assertEquals(refused, answer.getInt("refused"));
        assertEquals(audience.size() - refused, answer.getInt("allowed"));
        Map<String, Integer> counted = new LinkedHashMap<>();
        answer.getList("refusals", Map.class).forEach(r -> counted.put((String) r.get("rule"), (Integer) r.get("customers")));
        assertEquals(byRule, counted);
        assertEquals(Collections.max(counted.values()), answer.getInt("refusals[0].customers"), "the most frequent refusal first");
    }

    private static io.restassured.response.ValidatableResponse problem(Map<String, Object> body, String path, int status) {
        return given().contentType(ContentType.JSON).body(body).post(path).then().statusCode(status)
                .contentType("application/problem+json");
    }
}
