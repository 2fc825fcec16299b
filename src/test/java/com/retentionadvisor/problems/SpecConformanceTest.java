package com.retentionadvisor.problems;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.retentionadvisor.SpecConformance;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;

/**
 * The check every API test runs through ({@link SpecConformance}) is installed and catches an answer the document
 * does not describe: a wrong type, an undocumented status, a body where none is documented.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class SpecConformanceTest {

    private static String base() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }

    @Test
    void shouldCheckEveryApiCallOfTheTests() {
        assertTrue(RestAssured.filters().stream().anyMatch(SpecConformance.class::isInstance), "installed: " + RestAssured.filters());
        given().get("/api/customers/NO-SUCH-CUSTOMER/advice").then().statusCode(404);
    }

    @Test
    void shouldAcceptWhatTheServiceReallyAnswers() {
        String problem = given().get("/api/customers/NO-SUCH-CUSTOMER/advice").then().statusCode(404).extract().asString();
        assertEquals(List.of(), SpecConformance.mismatches(base(),
                SimpleRequest.Builder.get("/api/customers/NO-SUCH-CUSTOMER/advice").build(),
                SimpleResponse.Builder.status(404).withContentType("application/problem+json").withBody(problem).build()));
    }

    @Test
    void shouldRejectAnAnswerOfTheWrongShape() {
        List<String> mismatches = SpecConformance.mismatches(base(),
                SimpleRequest.Builder.get("/api/customers/C1/advice").build(),
                SimpleResponse.Builder.ok().withContentType("application/json").withBody("{\"customerId\": 5, \"firedRules\": \"R\"}").build());
        assertTrue(mismatches.size() >= 2, "a number for a string and a string for a list: " + mismatches);
    }

    @Test
    void shouldRejectAStatusTheDocumentDoesNotList() {
        List<String> mismatches = SpecConformance.mismatches(base(),
                SimpleRequest.Builder.post("/api/rules/validate").withContentType("multipart/form-data").build(),
                SimpleResponse.Builder.status(422).withContentType("application/problem+json")
                        .withBody("{\"type\":\"about:blank\",\"title\":\"t\",\"status\":422}").build());
        assertTrue(mismatches.stream().anyMatch(m -> m.contains("validation.response.status.unknown")), mismatches.toString());
    }

    @Test
    void shouldRejectAProblemWithoutItsRequiredFields() {
        Request request = SimpleRequest.Builder.get("/api/customers/C1/advice").build();
        List<String> mismatches = SpecConformance.mismatches(base(), request,
                SimpleResponse.Builder.status(404).withContentType("application/problem+json").withBody("{\"detail\":\"gone\"}").build());
        assertTrue(mismatches.stream().anyMatch(m -> m.contains("title")), mismatches.toString());
    }
}
