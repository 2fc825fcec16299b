package com.retentionadvisor.database;

import static com.retentionadvisor.Crm.AS_OF;
import static com.retentionadvisor.Crm.contact;
import static com.retentionadvisor.Crm.customer;
import static com.retentionadvisor.Crm.push;
import static com.retentionadvisor.Crm.pushAll;
import static com.retentionadvisor.Crm.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;

/**
 * PostgreSQL stops while the advisor runs: requests answer 503 with Retry-After, readiness reports DOWN, and once
 * PostgreSQL is back the advisor serves again by itself, without a restart. Every test leaves PostgreSQL running for
 * the test classes after it, whatever happened.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class DatabaseOutageTest {

    private static final Logger LOG = Logger.getLogger(DatabaseOutageTest.class);
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(30);

    private EmbeddedPostgresServer postgres;
    private String customerId;

    @BeforeEach
    void aKnownCustomer() throws IOException {
        postgres = EmbeddedPostgresServer.ofTheTests();
        customerId = unique("C");
        pushAll("customers", List.of(customer(customerId)));
    }

    @AfterEach
    void postgresRunsAgain() {
        if (postgres != null && !postgres.isRunning()) {
            postgres.start();
        }
        awaitReadiness();
    }

    @Test
    void shouldAnswer503WithRetryAfterWhilePostgresIsDownAndServeAgainWhenItIsBack() {
        String contactId = unique("K");
        postgres.stop();

        long started = System.nanoTime();
        unavailable(push("contacts", List.of(contact(contactId, customerId, 3))));
        long ingestFailedAfter = millisSince(started);
        started = System.nanoTime();
        unavailable(advice());
        long adviceFailedAfter = millisSince(started);
        given().when().get("/q/health/ready").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.findAll { it.status == 'DOWN' }.name", hasItem("Database connections health check"));
        // Alive all the same: an orchestrator stops sending requests, it does not restart the advisor.
        given().when().get("/q/health/live").then().statusCode(200);

        started = System.nanoTime();
        postgres.start();
        long restartedAfter = millisSince(started);
        awaitReadiness();
        long readyAfter = millisSince(started);
        LOG.infof("Outage: ingest answered 503 in %d ms, advice in %d ms; PostgreSQL restarted in %d ms, readiness UP after %d ms",
                ingestFailedAfter, adviceFailedAfter, restartedAfter, readyAfter);

        push("contacts", List.of(contact(contactId, customerId, 3))).statusCode(200).body("counts.CREATED", equalTo(1));
        advice().statusCode(200).body("customerId", equalTo(customerId));
    }

    private ValidatableResponse advice() {
        return given().queryParam("asOf", AS_OF.toString())
                .when().get("/api/customers/{id}/advice", customerId)
                .then();
    }

    static void unavailable(ValidatableResponse response) {
        response.statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("https://retention-advisor.example/problems/database-unavailable"))
                .body("status", equalTo(503))
                .body("requestId", matchesPattern(".+"));
    }

    /** Polls readiness until it is UP, for at most {@link #RECOVERY_BOUND}. */
    static void awaitReadiness() {
        long deadline = System.nanoTime() + RECOVERY_BOUND.toNanos();
        while (given().when().get("/q/health/ready").statusCode() != 200) {
            assertTrue(System.nanoTime() < deadline, "readiness is not UP " + RECOVERY_BOUND.toSeconds() + " s after PostgreSQL came back");
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
