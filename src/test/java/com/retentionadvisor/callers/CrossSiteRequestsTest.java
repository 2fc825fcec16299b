package com.retentionadvisor.callers;

import static com.retentionadvisor.Crm.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A browser's session cookie alone does not change anything through the API: another page of the same site could make
 * the browser send it. The advisor's own pages add the X-Requested-With header; reads and API-key callers are not
 * concerned.
 */
@QuarkusTest
class CrossSiteRequestsTest {

    @Inject
    Callers callers;

    @Test
    void aChangeSignedByTheSessionCookieAloneIsRefusedAndWithTheHeaderGoesThrough() {
        String username = unique("analyst");
        String password = Callers.newPassword();
        callers.resetUser(username, password, Roles.ANALYST, null, "CrossSiteRequestsTest");
        String session = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", username).formParam("j_password", password)
                .post("/j_security_check").then().statusCode(302).extract().cookie("quarkus-credential");

        given().cookie("quarkus-credential", session).post("/api/rules/rollback/000000000000")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://retention-advisor.example/problems/cross-site-request"));
        given().cookie("quarkus-credential", session).header(CrossSiteRequests.HEADER, "retention-advisor")
                .post("/api/rules/rollback/000000000000")
                .then().statusCode(404).body("type", not(equalTo("https://retention-advisor.example/problems/cross-site-request")));
        given().cookie("quarkus-credential", session).get("/api/rules").then().statusCode(200);
    }

    @Test
    void aCallerWithAKeyIsNotConcerned() {
        String key = callers.issueKey(unique("cross-site"), Roles.ANALYST, null, "CrossSiteRequestsTest").key();

        given().header("Authorization", "Bearer " + key).post("/api/rules/rollback/000000000000").then().statusCode(404);
    }
}
