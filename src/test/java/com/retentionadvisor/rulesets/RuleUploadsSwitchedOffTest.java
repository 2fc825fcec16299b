package com.retentionadvisor.rulesets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;

/** Where uploads are switched off (the default outside dev and tests), rule files sent are never compiled. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
@TestProfile(RuleUploadsSwitchedOffTest.UploadsOff.class)
class RuleUploadsSwitchedOffTest {

    public static class UploadsOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("retention.rules.uploads-enabled", "false");
        }
    }

    @Test
    void shouldRefuseToCompileUploadedRules() {
        given().multiPart("files", "churn-signs/x.drl", "package retention;".getBytes(StandardCharsets.UTF_8))
                .when().post("/api/rules/validate")
                .then().statusCode(403).contentType("application/problem+json")
                .body("title", equalTo("Switched off on this instance"));
    }

    @Test
    void shouldRefuseToPublishOrSimulateUploadedRules() {
        given().contentType("application/zip").body(ShippedRules.zip(ShippedRules.files()))
                .queryParam("publishedBy", "Anna Analyst").queryParam("comment", "switched off?")
                .when().post("/api/rules/publish")
                .then().statusCode(403).contentType("application/problem+json");
        given().contentType("application/zip").body(ShippedRules.zip(ShippedRules.files()))
                .when().post("/api/rules/simulate")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void shouldStillRunUploadedScenariosAgainstTheLiveRules() {
        String scenario = """
                - name: A quiet customer shows no sign
                  given:
                    tenureDays: 30
                  expect:
                    noSigns: true
                """;
        given().multiPart("files", "tests/quiet.yaml", scenario.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/rules/test")
                .then().statusCode(200)
                .body("passed", equalTo(1));
    }
}
