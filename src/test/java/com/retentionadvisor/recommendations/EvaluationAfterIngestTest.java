package com.retentionadvisor.recommendations;

import static com.retentionadvisor.Crm.customer;
import static com.retentionadvisor.Crm.manager;
import static com.retentionadvisor.Crm.pushAll;
import static com.retentionadvisor.Crm.survey;
import static com.retentionadvisor.Crm.unique;
import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;

/** Where evaluation after ingest is on (the default outside tests), new data brings the manager new work by itself. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
@TestProfile(EvaluationAfterIngestTest.EvaluatingAfterIngest.class)
class EvaluationAfterIngestTest {

    public static class EvaluatingAfterIngest implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("retention.evaluation.on-ingest", "true");
        }
    }

    @Test
    void shouldRecommendARecoveryCallOnceADetractorsAnswerArrives() {
        String managerId = unique("M");
        String customerId = unique("ING");
        pushAll("managers", List.of(manager(managerId)));
        pushAll("customers", List.of(customer(customerId).with("managerExternalId", managerId)));

        pushAll("surveys", List.of(survey(unique("S"), customerId, 0, 2, null)
                .with("answeredAt", Instant.now().minus(Duration.ofDays(1)).toString())));

        // The evaluation runs in the background after the batch commits: ask for at most half a minute.
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
        while (!given().get("/api/managers/" + managerId + "/worklist").then().statusCode(200)
                .extract().jsonPath().getList("items.actionCode").contains("RECOVERY_CALL")) {
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("no RECOVERY_CALL in the worklist 30 s after the survey was pushed");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
