package com.retentionadvisor.problems;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/**
 * The OpenAPI document says what the service answers: every error as a Problem (application/problem+json) with the
 * statuses an operation can answer, the 202 and Location of a job start, the 201 of a creation; and the problem
 * bodies the service really sends have the documented shape.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class OpenApiContractTest {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

    private JsonPath spec;

    @BeforeEach
    void theServedDocument() {
        spec = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
    }

    /**
     * docs/openapi.json is the document integrators read without running the advisor, and the one the build generates
     * the Java client of GeneratedClientTest from: it must be what the service serves.
     */
    @Test
    void shouldServeTheCommittedDocument() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String served = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        Path committed = Path.of("docs", "openapi.json");
        if (!json.readTree(served).equals(json.readTree(Files.readString(committed)))) {
            Path fresh = Path.of("target", "openapi.json");
            Files.writeString(fresh, served);
            fail("docs/openapi.json is not the served document: the API changed. Check the difference and take the new one: "
                    + "cp target/openapi.json docs/openapi.json");
        }
    }

    @Test
    void shouldDocumentTheErrorsOfEveryApiOperationAsProblems() {
        Map<String, Map<String, Map<String, Object>>> paths = spec.getMap("paths");
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (var operation : path.getValue().entrySet()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                operations++;
                List<String> expected = new ArrayList<>(List.of("400", "401", "403", "429", "500", "503"));
                for (String status : expected) {
                    String at = "paths['" + path.getKey() + "']." + operation.getKey() + ".responses['" + status + "'].content['application/problem+json'].schema.$ref";
                    if (!PROBLEM_REF.equals(spec.getString(at))) {
                        missing.add(operation.getKey().toUpperCase() + " " + path.getKey() + " " + status);
                    }
                }
            }
        }
        assertTrue(operations > 40, "the API's operations are in the document: " + operations);
        assertEquals(List.of(), missing, "every API operation documents its problem responses");
    }

    @Test
    void shouldDocumentJobStartsAs202WithLocationAndCreationsAs201() {
        for (String start : List.of("/api/rules/backtest", "/api/rules/simulate", "/api/rules/calibration", "/api/evaluations")) {
            Map<String, Object> responses = spec.getMap("paths['" + start + "'].post.responses");
            assertFalse(responses.containsKey("200"), start + " does not answer 200");
            assertNotNull(spec.get("paths['" + start + "'].post.responses['202'].headers.Location"), start + " documents Location");
            assertNotNull(spec.get("paths['" + start + "'].post.responses['202'].content"), start + " documents the job it answers");
        }
        for (String creation : List.of("/api/callers/keys", "/api/callers/users")) {
            assertNotNull(spec.get("paths['" + creation + "'].post.responses['201'].content"), creation + " documents 201");
        }
    }

    @Test
    void shouldSendProblemsOfTheDocumentedShape() {
        Map<String, Object> schema = spec.getMap("components.schemas.Problem");
        @SuppressWarnings("unchecked")
        Set<String> properties = ((Map<String, Object>) schema.get("properties")).keySet();
        @SuppressWarnings("unchecked")
        List<String> required = (List<String>) schema.get("required");
        List<Map<String, Object>> sent = List.of(
                given().get("/api/customers/NO-SUCH-CUSTOMER/advice").then().statusCode(404).extract().as(Map.class),
                given().queryParam("asOf", "yesterday").get("/api/customers/C/advice").then().statusCode(400).extract().as(Map.class),
                given().get("/api/no-such-endpoint").then().statusCode(404).extract().as(Map.class));
        for (Map<String, Object> problem : sent) {
            assertTrue(properties.containsAll(problem.keySet()), "documented: " + problem.keySet() + " within " + properties);
            assertTrue(problem.keySet().containsAll(required), "required: " + required + " in " + problem.keySet());
        }
    }

    @Test
    void shouldDocumentTheStatusesTheServiceAnswersAndNoOthers() {
        // An unknown customer is a 404; validate says what does not compile with a 200, never a 422; a team is a
        // filter, never unknown; a batch body can be too large or of the wrong type; a done recommendation conflicts.
        given().get("/api/customers/NO-SUCH-CUSTOMER/advice").then().statusCode(404);
        assertNotNull(spec.get("paths['/api/customers/{externalId}/advice'].get.responses['404']"));
        given().contentType("application/zip").body(new byte[] {1, 2, 3}).post("/api/rules/validate").then().statusCode(400);
        assertFalse(spec.getMap("paths['/api/rules/validate'].post.responses").containsKey("422"));
        assertNotNull(spec.get("paths['/api/rules/publish'].post.responses['422']"));
        given().get("/api/teams/no-such-team/worklist").then().statusCode(200);
        assertFalse(spec.getMap("paths['/api/teams/{team}/worklist'].get.responses").containsKey("404"));
        for (String status : List.of("413", "415")) {
            assertNotNull(spec.get("paths['/api/contacts/batch'].post.responses['" + status + "']"), status);
        }
        assertFalse(spec.getMap("paths['/api/kpis'].get.responses").containsKey("415"), "a GET reads no body");
        assertNotNull(spec.get("paths['/api/recommendations/{id}/done'].post.responses['409']"));
    }
}
