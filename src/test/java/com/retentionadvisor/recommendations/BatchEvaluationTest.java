package com.retentionadvisor.recommendations;

import static com.retentionadvisor.Crm.customer;
import static com.retentionadvisor.Crm.pushAll;
import static com.retentionadvisor.Crm.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/**
 * The batch evaluation works on pages of customers at once, on several threads: every customer of the base is still
 * evaluated exactly once (one advice stored each), however the pages fall, and the job counts them all.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class BatchEvaluationTest {

    @Inject
    EntityManager em;

    @Test
    void shouldEvaluateEveryCustomerOfTheBaseExactlyOnceAcrossPages() {
        List<Object> customers = new ArrayList<>();
        for (int i = 0; i < 450; i++) { // more than two pages of 200
            customers.add(customer(unique("BATCH")));
        }
        pushAll("customers", customers);
        Instant before = Instant.now();

        String id = given().post("/api/evaluations").then().statusCode(202).extract().path("id");
        JsonPath job = given().queryParam("waitSeconds", 60).get("/api/evaluations/" + id).then().statusCode(200).extract().jsonPath();

        assertEquals("DONE", job.getString("state"), job.prettify());
        long base = count("select count(*) from customer");
        assertEquals(base, job.getLong("report.customers"), "the job counted every customer");
        assertEquals(base, job.getLong("done"));
        assertEquals(0, count("""
                select count(*) from customer c
                where (select count(*) from advice a where a.customer_id = c.id and a.evaluated_at >= :before) <> 1""", before),
                "one advice stored for each customer, none twice");
        assertTrue(base >= 450, "the base: " + base);
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    private long count(String sql, Instant before) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter("before", before).getSingleResult()).longValue());
    }
}
