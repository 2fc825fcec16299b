package com.retentionadvisor.problems;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** What HTTP itself turns away is told in the same words as the rest: a problem document, never the framework's page. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class HttpProblemsApiTest {

    @Test
    void shouldAnswerAnUnknownEndpointWithAProblemThatSaysWhereTheApiIsDescribed() {
        given().get("/api/no-such-thing").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://retention-advisor.example/problems/unknown-endpoint"))
                .body("detail", containsString("GET /api/no-such-thing"))
                .body("detail", containsString("/q/openapi"));
    }

    @Test
    void shouldAnswerAMethodTheEndpointDoesNotTakeWithAProblem() {
        given().delete("/api/customers/C-1/advice").then().statusCode(405).contentType("application/problem+json")
                .body("detail", containsString("does not answer DELETE"));
    }

    @Test
    void shouldSayWhichContentTypeToSend() {
        given().contentType("text/plain").body("channel=EMAIL").post("/api/customers/C-1/contact-check").then()
                .statusCode(415).contentType("application/problem+json")
                .body("detail", containsString("'text/plain"))
                .body("detail", containsString("Content-Type: application/json"));
    }
}
