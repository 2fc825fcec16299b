package com.retentionadvisor.ingest;

import static com.retentionadvisor.Crm.contact;
import static com.retentionadvisor.Crm.customer;
import static com.retentionadvisor.Crm.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import com.retentionadvisor.Crm.Item;

/**
 * Two CRM callers push the same customer at the same time, 20 rounds each, started together: a round sends the
 * customer with fields of the caller's own and a customer new in that round (both callers create it at once), then
 * five new contacts of the first. Nothing deadlocks and no update is lost: every answer is 200; each new customer was
 * created by exactly one caller and updated by the other (the one that lost the race to create it is written again
 * from what the other committed); every contact is stored once; and the shared customer holds exactly the fields of
 * one caller's last round (each caller's rounds follow one another, so the row's last write is one of the two last
 * rounds) — never a mix of two writes.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class ConcurrentIngestTest {

    private static final int ROUNDS = 20;
    private static final int CONTACTS_PER_ROUND = 5;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldNeitherDeadlockNorLoseAnUpdateWhenTwoCallersPushTheSameCustomerAtOnce() throws Exception {
        String customerId = unique("C");
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        List<Response> firstAnswers;
        List<Response> secondAnswers;
        try {
            Future<List<Response>> first = callers.submit(caller("first", customerId, together));
            Future<List<Response>> second = callers.submit(caller("second", customerId, together));
            firstAnswers = first.get(120, TimeUnit.SECONDS);
            secondAnswers = second.get(120, TimeUnit.SECONDS);
        } finally {
            callers.shutdownNow();
        }

        List<String> failed = Stream.concat(firstAnswers.stream(), secondAnswers.stream())
                .filter(answer -> answer.statusCode() != 200)
                .map(answer -> answer.statusCode() + " " + answer.asString()).toList();
        assertTrue(failed.isEmpty(), failed.size() + " of " + 4 * ROUNDS + " batches failed: " + failed);
        for (int round = 0; round < ROUNDS; round++) {
            // Answers alternate: the customers of a round, then its contacts; the round's new customer is item 1.
            List<String> outcomes = List.of(firstAnswers.get(2 * round).path("items[1].result"),
                    secondAnswers.get(2 * round).path("items[1].result"));
            assertEquals(Set.of("CREATED", "UPDATED"), Set.copyOf(outcomes), "round " + round + "'s new customer: " + outcomes);
        }
        assertEquals(ROUNDS, storedCounts("customer", customerId + "-new-").size(), "every new customer is stored");
        Map<String, Integer> contacts = storedCounts("contact", customerId + "-");
        assertEquals(2 * ROUNDS * CONTACTS_PER_ROUND, contacts.size(), "every contact is stored");
        assertEquals(Set.of(1), Set.copyOf(contacts.values()), "no contact is stored twice");
        List<String> stored = customerFields(customerId);
        String lastRound = " round " + (ROUNDS - 1);
        assertTrue(stored.equals(List.of("first" + lastRound, "first")) || stored.equals(List.of("second" + lastRound, "second")),
                "the customer holds one caller's last write, whole: " + stored);
    }

    private Callable<List<Response>> caller(String name, String customerId, CyclicBarrier together) {
        return () -> {
            List<Response> answers = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                Item update = customer(customerId).with("name", name + " round " + round).with("segment", name);
                Item created = customer(customerId + "-new-" + round).with("name", "created by " + name);
                together.await(30, TimeUnit.SECONDS);
                answers.add(post("customers", List.of(update, created)));
                String prefix = customerId + "-" + name + "-" + round + "-";
                answers.add(post("contacts", IntStream.range(0, CONTACTS_PER_ROUND)
                        .mapToObj(i -> contact(prefix + i, customerId, i)).toList()));
            }
            return answers;
        };
    }

    private static Response post(String kind, List<Item> items) {
        return given().contentType(ContentType.JSON).body(items).when().post("/api/" + kind + "/batch");
    }

    private Map<String, Integer> storedCounts(String table, String prefix) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "select external_id, count(*) from " + table + " where external_id like ? group by external_id")) {
            count.setString(1, prefix + "%");
            try (ResultSet rows = count.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return counts;
    }

    private List<String> customerFields(String customerId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement read = connection.prepareStatement("select name, segment from customer where external_id = ?")) {
            read.setString(1, customerId);
            try (ResultSet row = read.executeQuery()) {
                assertTrue(row.next(), "the customer is stored");
                return List.of(row.getString(1), row.getString(2));
            }
        }
    }
}
