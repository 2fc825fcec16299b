package com.retentionadvisor.advice;

import static com.retentionadvisor.Crm.customer;
import static com.retentionadvisor.Crm.detractor;
import static com.retentionadvisor.Crm.pushAll;
import static com.retentionadvisor.Crm.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The nightly sync: every customer's latest stored advice since an instant, as NDJSON, resumable from any line. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class AdviceExportApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldStreamEachCustomersLatestEvaluationSinceAnInstantAndGoOnFromACursor() throws Exception {
        Instant since = Instant.now();
        String first = detractor("EXP");
        String second = unique("EXP");
        String neverEvaluated = unique("EXP");
        pushAll("customers", List.of(customer(second), customer(neverEvaluated)));
        evaluate(first);
        evaluate(second);
        Map<String, Object> latestOfFirst = evaluate(first); // evaluated again: only this one is exported for it

        List<Map<String, Object>> lines = export("since", since.toString());
        assertEquals(List.of(second, first, "end"), lines.stream().map(AdviceExportApiTest::what).toList(),
                "each customer once, the oldest evaluation first, then the end; a customer never evaluated is not in it");
        assertEquals(latestOfFirst.get("asOf"), advice(lines.get(1)).get("asOf"), "the customer's latest advice");
        assertTrue(advice(lines.get(0)).containsKey("risk"));
        assertEquals(2, lines.get(2).get("lines"));
        assertEquals(lines.get(1).get("cursor"), lines.get(2).get("cursor"), "the end names where the next export goes on from");

        List<Map<String, Object>> rest = export("cursor", (String) lines.get(0).get("cursor"));
        assertEquals(List.of(first, "end"), rest.stream().map(AdviceExportApiTest::what).toList(), "goes on after the line read");
        String last = (String) lines.get(2).get("cursor");
        List<Map<String, Object>> nothingNew = export("cursor", last);
        assertEquals(List.of("end"), nothingNew.stream().map(AdviceExportApiTest::what).toList(), "nothing after the last line");
        assertEquals(last, nothingNew.get(0).get("cursor"), "an export with nothing new keeps the cursor it was given");
    }

    private static Object what(Map<String, Object> line) {
        return Boolean.TRUE.equals(line.get("end")) ? "end" : line.get("customerId");
    }

    @Test
    void shouldTellWhatIsWrongWithTheParameters() {
        given().queryParam("cursor", "yesterday").get("/api/advice/export").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("cursor"));
        given().queryParam("since", "yesterday").get("/api/advice/export").then().statusCode(400)
                .body("errors[0].field", equalTo("since"));
        given().queryParam("since", Instant.now().toString()).queryParam("cursor", "1-1").get("/api/advice/export")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    private static Map<String, Object> evaluate(String customerId) {
        return given().post("/api/customers/{id}/evaluation", customerId).then().statusCode(200).extract().path("advice");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> advice(Map<String, Object> line) {
        return (Map<String, Object>) line.get("advice");
    }

    private static List<Map<String, Object>> export(String parameter, String value) throws Exception {
        String body = given().queryParam(parameter, value).get("/api/advice/export").then().statusCode(200)
                .contentType(startsWith("application/x-ndjson")).extract().asString();
        List<Map<String, Object>> lines = new java.util.ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isEmpty()) {
                lines.add(JSON.readValue(line, new TypeReference<Map<String, Object>>() { }));
            }
        }
        return lines;
    }
}
