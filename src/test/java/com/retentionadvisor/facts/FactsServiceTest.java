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
import static com.retentionadvisor.Crm.ticket;
import static com.retentionadvisor.Crm.unique;
import static com.retentionadvisor.Crm.wonOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

import com.retentionadvisor.Crm;
import com.retentionadvisor.contacts.Channel;
import com.retentionadvisor.contacts.Direction;
import com.retentionadvisor.contacts.Purpose;
import com.retentionadvisor.customers.Customer;
import com.retentionadvisor.rules.ContactCap;
import com.retentionadvisor.rules.ContactIntent;
import com.retentionadvisor.rules.CountedContacts;

/** Facts computed by SQL from a history pushed through the API, at a fixed as-of instant. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
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
    void everyOutboundContactOfTheLast90DaysIsKnownOneByOneWithItsPersonAndCampaign() {
        String person = unique("P");
        pushAll("people", List.of(Map.of("externalId", person, "customerExternalId", customerId)));
        pushAll("contacts", List.of(
                contact(unique("K"), customerId, 5).with("campaign", "spring-renewal").with("personExternalId", person),
                contact(unique("K"), customerId, 2).with("channel", "PHONE").with("purpose", "SERVICE"),
                contact(unique("K"), customerId, 0.5).with("direction", "INBOUND").with("purpose", "SERVICE"),
                contact(unique("K"), customerId, 89),
                contact(unique("K"), customerId, 91)));

        List<LoggedContact> recent = facts().getRecentOutbound();

        // Outbound only, oldest first, whatever the purpose: which of them count is for the exemptions table to say.
        assertEquals(List.of(89.0, 5.0, 2.0), recent.stream().map(LoggedContact::daysAgo).toList());
        assertEquals(new LoggedContact(Channel.EMAIL, Purpose.VALUE, "spring-renewal", person, 5.0), recent.get(1));
        assertEquals(new LoggedContact(Channel.PHONE, Purpose.SERVICE, null, null, 2.0), recent.get(2));
    }

    @Test
    void aRollingCapFreesUpWhenItsOldestCountedContactsLeaveTheWindow() {
        pushAll("contacts", List.of(
                contact(unique("K"), customerId, 5),
                contact(unique("K"), customerId, 2).with("channel", "PHONE").with("purpose", "SALES"),
                contact(unique("K"), customerId, 1),
                contact(unique("K"), customerId, 0.5).with("direction", "INBOUND").with("purpose", "SERVICE"),
                contact(unique("K"), customerId, 40)));
        CountedContacts counted = CountedContacts.of(facts(), List.of());
        ContactIntent meeting = new ContactIntent(Channel.MEETING, Purpose.VALUE, Direction.OUTBOUND);
        ContactIntent call = new ContactIntent(Channel.PHONE, Purpose.VALUE, Direction.OUTBOUND);

        // Three contacts in the week: under a cap of 3 the first leaves at 7 days old, under 2 the second too.
        assertEquals(AS_OF.plus(Duration.ofDays(2)), counted.freeAgainAt(cap("ANY", "7 days", 3), meeting));
        assertEquals(AS_OF.plus(Duration.ofDays(5)), counted.freeAgainAt(cap("ANY", "7 days", 2), meeting));
        assertEquals(AS_OF.plus(Duration.ofDays(5)), counted.freeAgainAt(cap("PHONE", "7 days", 1), call),
                "a channel's cap counts that channel's contacts");
        assertEquals(null, counted.freeAgainAt(cap("ANY", "7 days", 4), meeting), "a cap not reached does not free up");
        assertEquals(null, counted.freeAgainAt(cap("SMS", "7 days", 1), meeting));
    }

    private static ContactCap cap(String channel, String window, int max) {
        ContactCap cap = new ContactCap();
        cap.setChannel(channel);
        cap.setWindow(window);
        cap.setMaxContacts(max);
        return cap;
    }

    @Test
    void proactiveContactsAreCountedSinceTheCustomerLastAnswered() {
        pushAll("contacts", List.of(
                contact(unique("K"), customerId, 20),
                contact(unique("K"), customerId, 12).with("direction", "INBOUND").with("purpose", "SERVICE"),
                contact(unique("K"), customerId, 10),
                contact(unique("K"), customerId, 6).with("channel", "PHONE").with("purpose", "SALES"),
                contact(unique("K"), customerId, 4).with("purpose", "SERVICE"),
                contact(unique("K"), customerId, 2)));
        assertEquals(3, facts().getProactiveSinceLastResponse(), "after the inbound contact: two emails and a call, not the service one");

        pushAll("email-events", List.of(emailEvent(unique("E"), customerId, 5, "OPENED", "spring")));
        assertEquals(1, facts().getProactiveSinceLastResponse(), "an email opened is an answer too");
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

    @Test
    void openTicketsAreCountedByKindAsTheyWereAtTheAsOfInstant() {
        pushAll("tickets", List.of(
                ticket(unique("T"), customerId, 10, "COMPLAINT"),
                ticket(unique("T"), customerId, 10, "COMPLAINT").with("closedAt", Crm.daysBefore(2).toString()),
                ticket(unique("T"), customerId, 10, "INCIDENT").with("closedAt", AS_OF.plusSeconds(3600).toString()),
                ticket(unique("T"), customerId, 5, "QUESTION")));

        CustomerFacts facts = facts();

        assertEquals(1, facts.getOpenComplaints());
        assertEquals(2, facts.getOpenProblems(), "an incident closed after the as-of instant was still open then");
        assertEquals(5, facts.getDaysSinceLastFeedback());
    }

    @Test
    void responseTimesAreAveragedOverAnsweredInboundRequests() {
        pushAll("contacts", List.of(
                contact(unique("K"), customerId, 10).with("direction", "INBOUND").with("respondedAt", Crm.daysBefore(9).toString()),
                contact(unique("K"), customerId, 20).with("direction", "INBOUND").with("respondedAt", Crm.daysBefore(18).toString()),
                contact(unique("K"), customerId, 5).with("direction", "INBOUND")));

        CustomerFacts facts = facts();

        assertEquals(36.0, facts.getAverageResponseHoursLastPeriod(), 1e-6);
        assertEquals(3, facts.getInboundLastPeriod());
        assertEquals(1, facts.getUnansweredInboundLastPeriod());
    }

    @Test
    void emailPausesCountFromTheLastOpenOrInboundContact() {
        pushAll("email-events", List.of(
                emailEvent(unique("E"), customerId, 40, "SENT", "a"),
                emailEvent(unique("E"), customerId, 30, "SENT", "b"),
                emailEvent(unique("E"), customerId, 20, "SENT", "c"),
                emailEvent(unique("E"), customerId, 10, "SENT", "d")));
        pushAll("contacts", List.of(contact(unique("K"), customerId, 25).with("direction", "INBOUND")));

        CustomerFacts facts = facts();

        assertEquals(4, facts.getUnopenedEmailStreak());
        assertEquals(2, facts.getEmailsUnopenedSinceLastResponse(), "the customer got in touch after the second email");
    }

    @Test
    void theCsiIsTheWeightedMeanOfTheFactorScores() {
        pushAll("surveys", List.of(
                survey(unique("N"), customerId, 100, null, null).with("factors", List.of(
                        Map.of("factor", "delivery", "score", 5, "weight", 1))),
                survey(unique("N"), customerId, 10, null, null).with("factors", List.of(
                        Map.of("factor", "delivery", "score", 4, "weight", 3),
                        Map.of("factor", "support", "score", 2, "weight", 1)))));

        CustomerFacts facts = facts();

        assertEquals(3.5, facts.getLatestCsi(), 1e-9);
        assertEquals(5.0, facts.getPreviousCsi(), 1e-9);
    }

    @Test
    void aLaterSubscriptionToTheSameProductIsARenewalInSight() {
        pushAll("subscriptions", List.of(
                subscription(unique("S"), customerId, "2025-08-01", "2026-07-31", false),
                subscription(unique("S"), customerId, "2026-08-01", "2027-07-31", false)));

        CustomerFacts facts = facts();

        assertEquals(31, facts.getDaysToSubscriptionEnd());
        assertTrue(facts.isRenewalInSight());
    }

    @Test
    void repeatOrdersProductLinesRevenueAndTheLastProactiveContact() {
        pushAll("deals", List.of(
                wonOrder(unique("D"), customerId, 150, "100.00").with("productLine", "CRM"),
                wonOrder(unique("D"), customerId, 40, "100.00").with("productLine", "CRM"),
                wonOrder(unique("D"), customerId, 30, "300.00").with("productLine", "Analytics"),
                wonOrder(unique("D"), customerId, 400, "50.00").with("productLine", "Training")));
        pushAll("contacts", List.of(
                contact(unique("K"), customerId, 0.5).with("purpose", "SERVICE"),
                contact(unique("K"), customerId, 2).with("purpose", "SURVEY")));

        CustomerFacts facts = facts();

        assertEquals(0.5, facts.getRepeatOrderShareLastPeriod(), 1e-9);
        assertEquals(0.0, facts.getRepeatOrderSharePreviousPeriod(), 1e-9);
        assertEquals(3, facts.getProductLines());
        assertEquals(500.0, facts.getRevenueLastYear(), 1e-9);
        assertEquals(48, facts.getHoursSinceLastProactiveOutbound(), "a service contact is not proactive");
    }

    @Test
    void referralsAndBirthdaysAreKnown() {
        pushAll("customers", List.of(
                customer(unique("C")).with("referredByExternalId", customerId),
                customer(customerId).with("birthday", "1980-07-04")));

        CustomerFacts facts = facts();

        assertEquals(1, facts.getReferralsGiven());
        assertEquals(4, facts.getDaysToBirthday());
    }

    @Test
    void thePurchaseRhythmIsTheMedianGapBetweenOrderDays() {
        pushAll("deals", List.of(
                wonOrder(unique("D"), customerId, 10, "100.00"),
                wonOrder(unique("D"), customerId, 40, "100.00"),
                wonOrder(unique("D"), customerId, 40.2, "100.00"),
                wonOrder(unique("D"), customerId, 100, "100.00"),
                wonOrder(unique("D"), customerId, 160, "100.00"),
                wonOrder(unique("D"), customerId, 300, "100.00"),
                wonOrder(unique("D"), customerId, 400, "100.00")));

        CustomerFacts facts = facts();

        assertEquals(7, facts.getOrdersTotal());
        assertEquals(6, facts.getOrderDaysTotal(), "two orders on one day are one order day");
        assertEquals(60.0, facts.getTypicalOrderGapDays(), 1e-9, "gaps 100, 140, 60, 60, 30 days: the median is 60");
        assertEquals(10.0 / 60.0, facts.getOverdueRatio(), 1e-9);
        assertEquals(400, facts.getDaysSinceFirstOrder());
        assertEquals(5, facts.getOrderDaysLastYear());
        assertEquals(6, facts.getOrdersLastYear());
        assertEquals(1, facts.getOrdersYearBefore());
        assertEquals(5, facts.getOrdersLastHalfYear());
        assertEquals(1, facts.getOrdersSameHalfYearBefore());
        assertEquals(4, facts.getActiveMonthsLastHalfYear(), "orders 10, 40, 100 and 160 days ago fall in months 1, 2, 4 and 6");
        assertEquals(1, facts.getOrdersComingSeasonLastYear(), "the order 300 days ago lies in (asOf - 365, asOf - 275]");
    }

    @Test
    void aSingleOrderDayHasNoRhythm() {
        pushAll("deals", List.of(
                wonOrder(unique("D"), customerId, 30, "100.00"),
                wonOrder(unique("D"), customerId, 30.1, "50.00")));

        CustomerFacts facts = facts();

        assertEquals(2, facts.getOrdersTotal());
        assertEquals(1, facts.getOrderDaysTotal());
        assertNull(facts.getTypicalOrderGapDays());
        assertNull(facts.getOverdueRatio());
    }

    @Test
    void theContactRhythmIsTheMedianGapBetweenContactDays() {
        pushAll("contacts", List.of(
                contact(unique("K"), customerId, 5),
                contact(unique("K"), customerId, 15).with("direction", "INBOUND").with("purpose", "SERVICE"),
                contact(unique("K"), customerId, 25)));

        CustomerFacts facts = facts();

        assertEquals(3, facts.getContactDaysTotal());
        assertEquals(10.0, facts.getTypicalContactGapDays(), 1e-9);
        assertEquals(0.5, facts.getContactOverdueRatio(), 1e-9);
    }

    @Test
    void aSubscriptionThatEndedWithNoneRunningCountsTheDaysSince() {
        pushAll("subscriptions", List.of(subscription(unique("S"), customerId, "2025-01-01", "2026-03-31", false)));

        assertEquals(91, facts().getDaysSinceSubscriptionEnded());

        pushAll("subscriptions", List.of(subscription(unique("S"), customerId, "2026-04-01", "2027-03-31", false)));

        assertNull(facts().getDaysSinceSubscriptionEnded(), "a running subscription is no end");
    }

    @Test
    void aPageOfCustomersGetsTheFactsOfEachInTheOrderAsked() {
        String other = unique("C");
        pushAll("customers", List.of(customer(other)));
        pushAll("deals", List.of(wonOrder(unique("D"), other, 3, "10.00")));
        long first = idOf(customerId);
        long second = idOf(other);

        List<CustomerFacts> page = factsService.factsFor(List.of(second, -1L, first), AS_OF);

        assertEquals(List.of(other, customerId), page.stream().map(CustomerFacts::getCustomerId).toList(), "an unknown id is left out");
        assertEquals(3, page.get(0).getDaysSinceLastOrder());
        assertNull(page.get(1).getDaysSinceLastOrder());
    }

    private static long idOf(String externalId) {
        return QuarkusTransaction.requiringNew().call(() -> Customer.findByExternalId(externalId).orElseThrow().id);
    }
}
