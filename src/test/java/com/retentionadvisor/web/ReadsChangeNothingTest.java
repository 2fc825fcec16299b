package com.retentionadvisor.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

import com.retentionadvisor.advice.Advice;
import com.retentionadvisor.audit.AuditEntry;

/**
 * A read is a read: a CRM that polls a customer's advice, or an analyst who asks about the past, leaves the stored
 * advice, the timeline and the page's risk trend exactly as they were. Only the reads themselves are audited.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class ReadsChangeNothingTest {

    private DriftingCustomers story;

    @BeforeEach
    void aCustomerWithARiskHistory() {
        story = DriftingCustomers.seed();
    }

    @Test
    void shouldLeaveTheAdviceTheTimelineAndTheTrendAsTheyWereAfterAHundredReads() {
        String customerId = story.detractorId();
        Stored before = stored(customerId);
        assertEquals(DriftingCustomers.HISTORY_DAYS.size() + 1, before.advice().size(), "the seeded history and today's evaluation");
        long auditedBefore = readsAudited(customerId);

        for (int i = 0; i < 50; i++) {
            given().get("/api/customers/{id}/advice", customerId).then().statusCode(200);
            given().queryParam("asOf", Instant.now().minus(Duration.ofDays(3L * i + 1)).toString())
                    .get("/api/customers/{id}/advice", customerId).then().statusCode(200);
        }
        given().queryParam("asOf", "2026-01-01T00:00:00Z").get("/api/customers/{id}/advice", customerId).then().statusCode(200);

        Stored after = stored(customerId);
        assertEquals(before.advice(), after.advice(), "no advice stored by a read");
        assertEquals(before.timeline(), after.timeline(), "the timeline shows evaluations only");
        assertEquals(before.trend(), after.trend(), "the page's risk trend shows evaluations only");
        assertTrue(readsAudited(customerId) >= auditedBefore + 101, "every read is in the audit log");
    }

    /** What a reader of the customer's history sees: the stored advice (id, as-of, score), the timeline, the trend. */
    private record Stored(List<String> advice, String timeline, String trend) {
    }

    private static Stored stored(String customerId) {
        List<String> advice = QuarkusTransaction.requiringNew().call(() -> Advice.<Advice>list("customer.externalId = ?1 order by id", customerId)
                .stream().map(a -> a.id + " " + a.asOf + " " + a.riskScore).toList());
        String timeline = given().get("/api/customers/{id}/timeline", customerId).then().statusCode(200).extract().asString();
        String card = given().get("/customers/" + customerId + "?lang=en").then().statusCode(200).extract().asString();
        int start = card.indexOf("<section class=\"panel trend\"");
        assertTrue(start >= 0, "the card shows a risk trend");
        String trend = card.substring(start, card.indexOf("</section>", start));
        return new Stored(advice, timeline, trend);
    }

    private static long readsAudited(String customerId) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.count("subject = ?1", customerId));
    }
}
