package com.retentionadvisor.database;

import static com.retentionadvisor.Crm.AS_OF;
import static com.retentionadvisor.Crm.contact;
import static com.retentionadvisor.Crm.customer;
import static com.retentionadvisor.Crm.push;
import static com.retentionadvisor.Crm.pushAll;
import static com.retentionadvisor.Crm.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

import com.retentionadvisor.Crm.Item;

/**
 * PostgreSQL stops while the advisor runs: requests, the manager page's included, answer 503 with Retry-After,
 * readiness reports DOWN, and once PostgreSQL is back the advisor serves again by itself, without a restart. Every
 * test leaves PostgreSQL running for the test classes after it, whatever happened.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class DatabaseOutageTest {

    private static final Logger LOG = Logger.getLogger(DatabaseOutageTest.class);
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource dataSource;

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
    void shouldAnswer503WithinTheSocketTimeoutWhilePostgresHangsAndServeAgainWhenItGoesOn() {
        Duration socketTimeout = Duration.ofSeconds(ConfigProvider.getConfig()
                .getValue("quarkus.datasource.jdbc.additional-jdbc-properties.socketTimeout", Integer.class));
        // Every pooled connection in use once, so that the pause catches some of them open.
        advice().statusCode(200);
        postgres.pause();
        try {
            long started = System.nanoTime();
            unavailable(advice());
            long adviceFailedAfter = millisSince(started);
            started = System.nanoTime();
            unavailable(push("contacts", List.of(contact(unique("K"), customerId, 3))));
            long ingestFailedAfter = millisSince(started);
            // Within the socket timeout, and the pool's wait for a connection and its login timeout after it.
            long bound = socketTimeout.plusSeconds(6).toMillis();
            assertThat(adviceFailedAfter, lessThan(bound));
            assertThat(ingestFailedAfter, lessThan(bound));
            LOG.infof("PostgreSQL paused: advice answered 503 in %d ms, ingest in %d ms (socket timeout %s)",
                    adviceFailedAfter, ingestFailedAfter, socketTimeout);
        } finally {
            postgres.resume();
        }
        awaitReadiness();
        advice().statusCode(200).body("customerId", equalTo(customerId));
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
        given().when().get("/managers?lang=en").then().statusCode(503)
                .contentType(containsString("text/html"))
                .header("Retry-After", "5")
                .body(containsString("cannot reach its database"));
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

    /**
     * A batch is one transaction, so an outage in the middle of it writes all of it or nothing. PostgreSQL is stopped
     * while the batch's inserts run (seen in pg_stat_activity); then the CRM sends the same batch again, as Retry-After
     * tells it to. This proves no item lost and none duplicated: after the outage the stored part is all or nothing
     * (never part of it; a 503 normally means nothing, but a commit that landed just as the connection broke may be
     * answered 503 too); the resend writes exactly what is missing (an item already stored is UNCHANGED, not written
     * again); and counting each external id in the contact table, every one of the batch's ids is there exactly once.
     */
    @Test
    void shouldStoreEveryItemOfABatchInterruptedByAnOutageExactlyOnceWhenItIsSentAgain() throws Exception {
        int size = 2_000;
        String prefix = customerId + "-K";
        List<Item> batch = IntStream.range(0, size).mapToObj(i -> contact(prefix + i, customerId, i % 365)).toList();
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);

        CompletableFuture<Response> interrupted = CompletableFuture.supplyAsync(
                () -> given().contentType(ContentType.JSON).body(batch).when().post("/api/contacts/batch"));
        boolean stoppedMidBatch;
        try (Connection watcher = DriverManager.getConnection(url, "postgres", "postgres")) {
            stoppedMidBatch = awaitContactInserts(watcher, interrupted);
        }
        postgres.stop();
        Response answer = interrupted.get(60, TimeUnit.SECONDS);
        postgres.start();
        awaitReadiness();

        Map<String, Integer> afterOutage = storedContacts(prefix);
        LOG.infof("Batch of %d interrupted %s: answered %d, %d items stored", size,
                stoppedMidBatch ? "while its inserts ran" : "after it had ended", answer.statusCode(), afterOutage.size());
        assertTrue(answer.statusCode() == 200 || answer.statusCode() == 503, "answered " + answer.statusCode());
        if (answer.statusCode() == 503) {
            unavailable(answer.then());
        }
        assertTrue(afterOutage.isEmpty() || afterOutage.size() == size,
                "a batch is all or nothing, but " + afterOutage.size() + " of " + size + " items were stored");
        if (answer.statusCode() == 200) {
            assertEquals(size, afterOutage.size());
        }

        push("contacts", batch).statusCode(200)
                .body("counts.CREATED", equalTo(size - afterOutage.size()))
                .body("counts.UNCHANGED", equalTo(afterOutage.size()));

        Map<String, Integer> stored = storedContacts(prefix);
        assertEquals(size, stored.size(), "every item of the batch is stored");
        assertEquals(Set.of(1), Set.copyOf(stored.values()), "no item is stored twice");
        assertEquals(IntStream.range(0, size).mapToObj(i -> prefix + i).collect(Collectors.toSet()), stored.keySet());
    }

    /** Waits until the batch's inserts run (true), or the request has ended first (false), for at most 30 s. */
    private static boolean awaitContactInserts(Connection watcher, CompletableFuture<Response> request) throws SQLException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (PreparedStatement inserting = watcher.prepareStatement("""
                select count(*) from pg_stat_activity
                where query ilike 'insert into contact%' and state in ('active', 'idle in transaction')""")) {
            while (!request.isDone()) {
                try (ResultSet rows = inserting.executeQuery()) {
                    rows.next();
                    if (rows.getInt(1) > 0) {
                        return true;
                    }
                }
                assertTrue(System.nanoTime() < deadline, "the batch's inserts never started");
                LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
            }
        }
        return false;
    }

    /** How many times each contact whose external id starts so is stored, by external id. */
    private Map<String, Integer> storedContacts(String prefix) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "select external_id, count(*) from contact where external_id like ? group by external_id")) {
            count.setString(1, prefix + "%");
            try (ResultSet rows = count.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return counts;
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
