package com.retentionadvisor.operations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Every response carries its request's id, the caller's when sane, and every problem body names the same id. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class RequestIdTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void shouldEchoASaneRequestId() {
        for (String sane : List.of("abc-123", "crm.sync_2026-11-26.0001", "x", "A".repeat(64))) {
            given().header("X-Request-Id", sane).get("/api/rules").then().statusCode(200).header("X-Request-Id", sane);
        }
    }

    @Test
    void shouldMakeAnIdWhenNoneIsSent() {
        String first = given().get("/api/rules").then().statusCode(200).extract().header("X-Request-Id");
        String second = given().get("/api/rules").then().statusCode(200).extract().header("X-Request-Id");

        assertThat(first, matchesPattern(UUID));
        assertThat(second, matchesPattern(UUID));
        assertThat(second, not(equalTo(first)));
    }

    @Test
    void shouldReplaceAnInsaneRequestId() {
        for (String insane : List.of("A".repeat(65), "two words", "a;b", "<script>", "id/with/slashes", "")) {
            String answered = given().header("X-Request-Id", insane).get("/api/rules").then().statusCode(200)
                    .extract().header("X-Request-Id");
            assertThat("for '" + insane + "'", answered, matchesPattern(UUID));
        }
    }

    /** A request the API turns away with a problem, and the status it answers. */
    private record Failing(int status, Function<RequestSpecification, Response> request) {
    }

    @Test
    void shouldNameTheRequestIdInEveryProblemBody() {
        List<Failing> failing = List.of(
                new Failing(404, request -> request.get("/api/customers/NO-SUCH-CUSTOMER/advice")),
                new Failing(404, request -> request.get("/api/no-such-endpoint")),
                new Failing(400, request -> request.contentType(ContentType.JSON).body("[{").post("/api/customers/batch")),
                new Failing(415, request -> request.contentType(ContentType.TEXT).body("x").post("/api/customers/batch")),
                new Failing(405, request -> request.delete("/api/rules")),
                new Failing(400, request -> request.queryParam("size", "0").get("/api/audit")));
        for (int i = 0; i < failing.size(); i++) {
            String id = "problem-" + i;
            ExtractableResponse<Response> answer = failing.get(i).request().apply(given().header("X-Request-Id", id)).then().extract();
            assertThat(id, answer.statusCode(), equalTo(failing.get(i).status()));
            assertThat(id, answer.contentType(), equalTo("application/problem+json"));
            assertThat(id, answer.header("X-Request-Id"), equalTo(id));
            assertThat(id, answer.path("requestId"), equalTo(id));
        }

        ExtractableResponse<Response> unnamed = given().get("/api/no-such-endpoint").then().statusCode(404).extract();
        assertThat(unnamed.header("X-Request-Id"), matchesPattern(UUID));
        assertThat(unnamed.path("requestId"), equalTo(unnamed.header("X-Request-Id")));
    }

    @Test
    void shouldCarryTheIdOutsideTheApiToo() {
        given().header("X-Request-Id", "page-1").get("/customers/NO-SUCH-CUSTOMER").then().statusCode(404)
                .header("X-Request-Id", "page-1");
        given().header("X-Request-Id", "metrics-1").get("/q/metrics").then().statusCode(200).header("X-Request-Id", "metrics-1");
        given().header("X-Request-Id", "health-1").get("/q/health").then().statusCode(200).header("X-Request-Id", "health-1");
    }
}
