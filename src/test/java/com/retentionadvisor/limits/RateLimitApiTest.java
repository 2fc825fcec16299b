package com.retentionadvisor.limits;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** Each caller has its own allowance: one that calls too fast gets 429 with Retry-After, the others are not slowed. */
@QuarkusTest
@TestProfile(RateLimitApiTest.SlowCallers.class)
class RateLimitApiTest {

    public static class SlowCallers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // One request every 10 s after a burst of 5: the test cannot be refilled by accident while it runs.
            return Map.of("retention.limits.requests-per-second", "0.1", "retention.limits.burst", "5");
        }
    }

    private static Response call(String credential) {
        return given().header("Authorization", credential).when().get("/api/rules");
    }

    @Test
    void aCallerOverItsAllowanceWaitsAndOthersDoNot() {
        for (int i = 0; i < 5; i++) {
            call("Bearer caller-a").then().statusCode(not(429)); // 401: no such key; the limit comes first
        }

        Response refused = call("Bearer caller-a");
        refused.then().statusCode(429)
                .contentType("application/problem+json")
                .body("status", equalTo(429))
                .body("detail", containsString("0.1 requests a second (bursts of 5)"))
                .body("requestId", equalTo(refused.header("X-Request-Id")));
        assertThat(Integer.parseInt(refused.header("Retry-After")), greaterThanOrEqualTo(1));

        call("Bearer caller-b").then().statusCode(not(429));
    }

    @Test
    void healthIsNeverLimited() {
        for (int i = 0; i < 8; i++) {
            given().header("Authorization", "Bearer caller-c").when().get("/q/health/live").then().statusCode(not(429));
        }
    }
}
