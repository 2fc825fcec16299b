package com.retentionadvisor.database;

import static com.retentionadvisor.Crm.customer;
import static com.retentionadvisor.Crm.pushAll;
import static com.retentionadvisor.Crm.unique;
import static com.retentionadvisor.database.DatabaseOutageTest.awaitReadiness;
import static com.retentionadvisor.database.DatabaseOutageTest.unavailable;
import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import com.retentionadvisor.AsCaller;
import com.retentionadvisor.callers.Callers;
import com.retentionadvisor.callers.Roles;

/**
 * A machine caller's key is looked up in PostgreSQL: while it cannot be reached, the caller is told to try again
 * (503), not that its key is unknown (401) — a CRM must not take an outage for a revoked key.
 */
@QuarkusTest
class ApiKeyDuringOutageTest {

    @Inject
    Callers callers;

    @Test
    void shouldAnswer503NotUnauthorizedToAKnownKeyWhilePostgresIsDown() throws IOException {
        String key = callers.issueKey(unique("crm-outage"), Roles.CRM, null, "test").key();
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.ofTheTests();
        try {
            postgres.stop();
            unavailable(given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON)
                    .body(List.of(customer(unique("C")))).when().post("/api/customers/batch").then());
        } finally {
            if (!postgres.isRunning()) {
                postgres.start();
            }
            awaitReadiness();
        }
        AsCaller.run(key, () -> pushAll("customers", List.of(customer(unique("C")))));
    }
}
