package com.retentionadvisor.facts;

import static com.retentionadvisor.Crm.AS_OF;
import static com.retentionadvisor.Crm.assignment;
import static com.retentionadvisor.Crm.contact;
import static com.retentionadvisor.Crm.customer;
import static com.retentionadvisor.Crm.emailEvent;
import static com.retentionadvisor.Crm.manager;
import static com.retentionadvisor.Crm.pushAll;
import static com.retentionadvisor.Crm.subscription;
import static com.retentionadvisor.Crm.survey;
import static com.retentionadvisor.Crm.unique;
import static com.retentionadvisor.Crm.wonOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import com.retentionadvisor.Crm;
import com.retentionadvisor.contacts.Channel;
import com.retentionadvisor.contacts.Purpose;

/** Facts computed by SQL from a history pushed through the API, at a fixed as-of instant. */
@QuarkusTest
class FactsServiceTest {

    @Inject
    FactsService factsService;

    private String customerId;

    @BeforeEach
    void aCustomer() {
        customerId = unique("C");
        pushAll("customers", List.of(customer(customerId)));
    }

    private CustomerFacts facts() {
        return factsService.factsFor(customerId, AS_OF).orElseThrow();
    }

    @Test
    void aContactExactlyAtTheWindowEdgeIsOutsideTheWindow() {
        pushAll("contacts", List.of(
                contact(unique("K"), customerId, 7.0),
                contact(unique("K"), customerId, 6.999)));

        CustomerFacts facts = facts();

        assertEquals(1, facts.contacts(7));
        assertEquals(2, facts.contacts(30));
    }

    @Test
    void contactsAreCountedByDirectionChannelAndPurpose() {
        pushAll("contacts", List.of(
                contact(unique("K"), customerId, 1).with("purpose", "SALES"),
                contact(unique("K"), customerId, 2).with("channel", "PHONE"),
                contact(unique("K"), customerId, 3).with("purpose", "SERVICE"),
                contact(unique("K"), customerId, 4).with("direction", "INBOUND").with("purpose", "SERVICE"),
                contact(unique("K"), customerId, 40).with("purpose", "SALES"),
                contact(unique("K"), customerId, 0).with("occurredAt", AS_OF.plusSeconds(60).toString())));

        CustomerFacts facts = facts();

        assertEquals(4, facts.contacts(7), "the contact after the as-of instant does not count");
        assertEquals(3, facts.outbound(7));
        assertEquals(1, facts.inbound(7));
        assertEquals(2, facts.proactiveOutbound(7), "service contacts are not proactive");
        assertEquals(1, facts.proactiveOutboundOn(7, Channel.PHONE));
        assertEquals(2, facts.outboundFor(90, Purpose.SALES));
        assertEquals(0.4, facts.salesShare(90), 1e-9);
        assertEquals(1, facts.getDaysSinceLastContact());
    }

    @Test
    void ordersAreComparedWithThePeriodBefore() {
        pushAll("deals", List.of(
                wonOrder(unique("D"), customerId, 10, "100.00"),
                wonOrder(unique("D"), customerId, 100, "300.00"),
                wonOrder(unique("D"), customerId, 120, "500.00"),
                wonOrder(unique("D"), customerId, 200, "900.00"),
                wonOrder(unique("D"), customerId, 50, "7.00").with("status", "LOST")));

        CustomerFacts facts = facts();

        assertEquals(4, facts.getOrdersTotal());
        assertEquals(1, facts.getOrdersLastPeriod());
        assertEquals(100.0, facts.getAverageOrderValueLastPeriod(), 1e-9);
        assertEquals(2, facts.getOrdersPreviousPeriod());
        assertEquals(400.0, facts.getAverageOrderValuePreviousPeriod(), 1e-9);
        assertEquals(1, facts.getLostDealsLastPeriod());
        assertEquals(10, facts.getDaysSinceLastOrder());
    }

    @Test
    void theUnopenedStreakCountsEmailsSentSinceTheLastOneOpened() {
        pushAll("email-events", List.of(
                emailEvent(unique("E"), customerId, 50, "SENT", "jan"),
                emailEvent(unique("E"), customerId, 49, "OPENED", "jan"),
                emailEvent(unique("E"), customerId, 40, "SENT", "feb"),
                emailEvent(unique("E"), customerId, 30, "SENT", "mar"),
                emailEvent(unique("E"), customerId, 20, "SENT", "apr"),
                emailEvent(unique("E"), customerId, 19, "DELIVERED", "apr")));

        assertEquals(3, facts().getUnopenedEmailStreak());
    }

    @Test
    void anEmailOpenedLaterEndsTheStreak() {
        pushAll("email-events", List.of(
                emailEvent(unique("E"), customerId, 40, "SENT", "feb"),
                emailEvent(unique("E"), customerId, 30, "SENT", "mar"),
                emailEvent(unique("E"), customerId, 5, "CLICKED", "mar")));

        assertEquals(0, facts().getUnopenedEmailStreak());
    }

    @Test
    void theNearestRunningSubscriptionGivesTheDaysToItsEnd() {
        pushAll("subscriptions", List.of(
                subscription(unique("S"), customerId, "2026-01-01", "2026-07-30", false),
                subscription(unique("S"), customerId, "2026-01-01", "2027-01-01", true),
                subscription(unique("S"), customerId, "2025-01-01", "2026-01-01", false)));

        CustomerFacts facts = facts();

        assertEquals(30, facts.getDaysToSubscriptionEnd());
        assertFalse(facts.isEndingSubscriptionAutoRenews());
        assertTrue(facts.isEndingSubscriptionAnnual());
    }

    @Test
    void theLatestSurveyAnswersCount() {
        pushAll("surveys", List.of(
                survey(unique("N"), customerId, 100, 10, 5),
                survey(unique("N"), customerId, 20, 3, null),
                survey(unique("N"), customerId, 1, null, 2),
                survey(unique("N"), customerId, -1, 0, 1)));

        CustomerFacts facts = facts();

        assertEquals(3, facts.getLatestNps());
        assertEquals(2, facts.getLatestCsat());
        assertEquals(1, facts.getDaysSinceLastSurvey());
    }

    @Test
    void theFirstOwnerIsNotAManagerChange() {
        String first = unique("M");
        String second = unique("M");
        pushAll("managers", List.of(manager(first), manager(second)));
        pushAll("assignments", List.of(
                assignment(unique("A"), customerId, first, 200, false).with("endsAt", Crm.daysBefore(30).toString()),
                assignment(unique("A"), customerId, second, 30, false)));

        CustomerFacts facts = facts();

        assertEquals(1, facts.getManagerChangesLastYear());
        assertTrue(facts.isLastManagerChangeWithoutHandover());
    }

    @Test
    void aCustomerWithNoHistoryHasNoValues() {
        CustomerFacts facts = facts();

        assertNull(facts.getDaysSinceLastContact());
        assertNull(facts.getDaysSinceLastOrder());
        assertNull(facts.getLatestNps());
        assertNull(facts.getDaysToSubscriptionEnd());
        assertEquals(0, facts.getManagerChangesLastYear());
        assertEquals(0, facts.contacts(365));
    }
}
