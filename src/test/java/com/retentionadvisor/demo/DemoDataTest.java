package com.retentionadvisor.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.retentionadvisor.ingest.CustomerItem;
import com.retentionadvisor.customers.CustomerStatus;
import com.retentionadvisor.deals.DealStatus;

/** The demo generator on its own: deterministic, and churned customers who do nothing after they churned. */
class DemoDataTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Instant CUT_OFF = NOW.minus(Duration.ofDays(DemoData.CUT_OFF_DAYS_AGO));

    private final DemoData data = DemoData.generate(300, 42, NOW);

    @Test
    void theSameSeedAndInstantGiveTheSameBase() {
        DemoData again = DemoData.generate(300, 42, NOW);

        assertEquals(data.customers, again.customers);
        assertEquals(data.deals, again.deals);
        assertEquals(data.emailEvents, again.emailEvents);
        assertEquals(data.assignments, again.assignments);
    }

    @Test
    void churnedCustomersDoNothingAfterTheyChurned() {
        for (CustomerItem customer : churned().toList()) {
            Instant end = customer.churnedAt();
            String id = customer.externalId();
            assertTrue(data.contacts.stream().filter(c -> c.customerExternalId().equals(id))
                    .noneMatch(c -> c.occurredAt().isAfter(end) || c.respondedAt() != null && c.respondedAt().isAfter(end)), id);
            assertTrue(data.deals.stream().filter(d -> d.customerExternalId().equals(id))
                    .noneMatch(d -> d.openedAt().isAfter(end) || d.closedAt() == null || d.closedAt().isAfter(end)), id);
            assertTrue(data.emailEvents.stream().filter(e -> e.customerExternalId().equals(id)).noneMatch(e -> e.occurredAt().isAfter(end)), id);
            assertTrue(data.surveys.stream().filter(s -> s.customerExternalId().equals(id)).noneMatch(s -> s.answeredAt().isAfter(end)), id);
            assertTrue(data.tickets.stream().filter(t -> t.customerExternalId().equals(id))
                    .noneMatch(t -> t.openedAt().isAfter(end) || t.closedAt() == null || t.closedAt().isAfter(end)), id);
            assertTrue(data.subscriptions.stream().filter(s -> s.customerExternalId().equals(id))
                    .noneMatch(s -> s.startsOn().isAfter(end.atZone(ZoneOffset.UTC).toLocalDate())), id);
            assertTrue(data.assignments.stream().filter(a -> a.customerExternalId().equals(id)).noneMatch(a -> a.startsAt().isAfter(end)), id);
        }
    }

    @Test
    void customersWhoLeftAfterTheCutOffStoppedOrderingAtIt() {
        List<String> leftAfter = churned().filter(c -> c.churnedAt().isAfter(CUT_OFF)).map(CustomerItem::externalId).toList();

        assertTrue(leftAfter.size() >= 30, "enough customers leave after the cut-off for a back-test: " + leftAfter.size());
        assertTrue(data.deals.stream().filter(d -> leftAfter.contains(d.customerExternalId()) && d.status() == DealStatus.WON)
                .noneMatch(d -> d.closedAt().isAfter(CUT_OFF)));
    }

    @Test
    void theChurnedStoryLeftBeforeTheCutOffAndTheOthersKeepTheirStoryInTurn() {
        Map<String, CustomerItem> byId = data.customers.stream().collect(Collectors.toMap(CustomerItem::externalId, Function.identity()));
        for (int n = 1; n <= 300; n++) {
            CustomerItem customer = byId.get(DemoData.customerId(n));
            DemoData.Story story = DemoData.Story.values()[(n - 1) % DemoData.Story.values().length];
            if (story == DemoData.Story.CHURNED) {
                assertNotNull(customer.churnedAt());
                assertFalse(customer.churnedAt().isAfter(CUT_OFF), customer.externalId());
            } else if (customer.status() == CustomerStatus.ACTIVE) {
                assertNull(customer.churnedAt());
                assertTrue(customer.name().endsWith("(" + story.name().toLowerCase().replace('_', ' ') + ")"), customer.name());
            } else {
                assertTrue(customer.name().endsWith("(churned)"), customer.name());
            }
        }
    }

    @Test
    void theShowcaseCustomersOfTheReadmeStayed() {
        Map<String, String> names = data.customers.stream().collect(Collectors.toMap(CustomerItem::externalId, CustomerItem::name));

        assertTrue(names.get("DEMO-C0005").endsWith("(drifting)"), names.get("DEMO-C0005"));
        assertTrue(names.get("DEMO-C0006").endsWith("(over contacted)"), names.get("DEMO-C0006"));
        assertTrue(names.get("DEMO-C0017").endsWith("(sales heavy)"), names.get("DEMO-C0017"));
    }

    private Stream<CustomerItem> churned() {
        return data.customers.stream().filter(c -> c.status() == CustomerStatus.CHURNED);
    }
}
