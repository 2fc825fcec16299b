package com.retentionadvisor.bench;

import java.time.Instant;

import com.retentionadvisor.contacts.Channel;
import com.retentionadvisor.contacts.Direction;
import com.retentionadvisor.contacts.Purpose;
import com.retentionadvisor.customers.CustomerStatus;
import com.retentionadvisor.facts.ContactCounts;
import com.retentionadvisor.facts.CustomerFacts;

/**
 * Representative customers for the rule evaluation benchmark, shaped like the demo stories: their facts are what
 * FactsService would compute for such a history. {@link RuleEvaluationBenchmark} checks at setup that each one
 * draws the conclusions its name promises, so the benchmark measures what it says it measures.
 */
final class BenchCustomers {

    static final Instant AS_OF = Instant.parse("2026-06-30T12:00:00Z");

    private BenchCustomers() {
    }

    static CustomerFacts byName(String name) {
        return switch (name) {
            case "quiet" -> quiet();
            case "drifting" -> drifting();
            case "overContacted" -> overContacted();
            default -> throw new IllegalArgumentException("no bench customer named " + name);
        };
    }

    /**
     * Orders steadily (about every 26 days, in each of the last six months), opens emails, happy (NPS 9), a handful of
     * useful and service contacts: no churn sign, the strengths of a loyal buyer.
     */
    static CustomerFacts quiet() {
        ContactCounts contacts = ContactCounts.builder()
                .happened(20, Direction.OUTBOUND, Channel.EMAIL, Purpose.VALUE, 1)
                .happened(45, Direction.INBOUND, Channel.PHONE, Purpose.SERVICE, 1)
                .happened(70, Direction.OUTBOUND, Channel.MEETING, Purpose.VALUE, 1)
                .happened(150, Direction.OUTBOUND, Channel.EMAIL, Purpose.TRANSACTIONAL, 2)
                .happened(200, Direction.OUTBOUND, Channel.PHONE, Purpose.SALES, 1)
                .happened(300, Direction.OUTBOUND, Channel.EMAIL, Purpose.SURVEY, 1)
                .build();
        return base("BENCH-QUIET")
                .contacts(contacts)
                .daysSinceLastContact(20)
                .daysSinceLastOrder(12)
                .ordersTotal(14)
                .orderDaysTotal(14)
                .typicalOrderGapDays(26.0)
                .daysSinceFirstOrder(380)
                .orderDaysLastYear(12)
                .activeMonthsLastHalfYear(6)
                .ordersLastHalfYear(6)
                .ordersSameHalfYearBefore(6)
                .ordersLastYear(12)
                .ordersYearBefore(2)
                .ordersComingSeasonLastYear(3)
                .revenueLastYear(25_000)
                .contactDaysTotal(7)
                .typicalContactGapDays(45.0)
                .ordersLastPeriod(3)
                .ordersPreviousPeriod(3)
                .averageOrderValueLastPeriod(2100)
                .averageOrderValuePreviousPeriod(1950)
                .emailsSentLastPeriod(3)
                .unopenedEmailStreak(0)
                .daysToSubscriptionEnd(240)
                .endingSubscriptionAutoRenews(true)
                .endingSubscriptionAnnual(true)
                .latestNps(9)
                .latestCsat(5)
                .daysSinceLastSurvey(40)
                .daysSinceLastFeedback(40)
                .build();
    }

    /**
     * The demo's drifting story: orders fell 4 to 1 and stopped 70 days ago against a usual gap of 20, the last 4 emails
     * unopened, a detractor, a lost deal.
     */
    static CustomerFacts drifting() {
        ContactCounts contacts = ContactCounts.builder()
                .happened(15, Direction.OUTBOUND, Channel.EMAIL, Purpose.VALUE, 1)
                .happened(40, Direction.OUTBOUND, Channel.PHONE, Purpose.SALES, 2)
                .happened(60, Direction.OUTBOUND, Channel.EMAIL, Purpose.SURVEY, 1)
                .happened(80, Direction.OUTBOUND, Channel.EMAIL, Purpose.TRANSACTIONAL, 2)
                .happened(120, Direction.INBOUND, Channel.PHONE, Purpose.SERVICE, 3)
                .happened(200, Direction.OUTBOUND, Channel.MEETING, Purpose.VALUE, 4)
                .happened(300, Direction.OUTBOUND, Channel.CHAT, Purpose.SERVICE, 3)
                .build();
        return base("BENCH-DRIFTING")
                .contacts(contacts)
                .daysSinceLastContact(15)
                .daysSinceLastOrder(70)
                .ordersTotal(17)
                .orderDaysTotal(17)
                .typicalOrderGapDays(20.0)
                .daysSinceFirstOrder(700)
                .orderDaysLastYear(7)
                .activeMonthsLastHalfYear(2)
                .ordersLastHalfYear(3)
                .ordersSameHalfYearBefore(7)
                .ordersLastYear(7)
                .ordersYearBefore(10)
                .revenueLastYear(14_000)
                .contactDaysTotal(18)
                .typicalContactGapDays(20.0)
                .ordersLastPeriod(1)
                .ordersPreviousPeriod(4)
                .averageOrderValueLastPeriod(1500)
                .averageOrderValuePreviousPeriod(2200)
                .lostDealsLastPeriod(1)
                .emailsSentLastPeriod(3)
                .unopenedEmailStreak(4)
                .daysToSubscriptionEnd(150)
                .endingSubscriptionAutoRenews(false)
                .endingSubscriptionAnnual(true)
                .latestNps(5)
                .latestCsat(3)
                .daysSinceLastSurvey(30)
                .daysSinceLastFeedback(30)
                .build();
    }

    /** The demo's over-contacted story: 4 proactive contacts in the last 4 days on top of a normal history. */
    static CustomerFacts overContacted() {
        ContactCounts contacts = ContactCounts.builder()
                .happened(1, Direction.OUTBOUND, Channel.EMAIL, Purpose.VALUE, 1)
                .happened(2, Direction.OUTBOUND, Channel.PHONE, Purpose.SURVEY, 1)
                .happened(3, Direction.OUTBOUND, Channel.MESSENGER, Purpose.VALUE, 1)
                .happened(4, Direction.OUTBOUND, Channel.EMAIL, Purpose.SURVEY, 1)
                .happened(12, Direction.OUTBOUND, Channel.PHONE, Purpose.VALUE, 2)
                .happened(25, Direction.OUTBOUND, Channel.EMAIL, Purpose.SALES, 1)
                .happened(50, Direction.INBOUND, Channel.CHAT, Purpose.SERVICE, 2)
                .happened(140, Direction.OUTBOUND, Channel.MEETING, Purpose.VALUE, 5)
                .happened(250, Direction.OUTBOUND, Channel.EMAIL, Purpose.TRANSACTIONAL, 6)
                .build();
        return base("BENCH-OVER-CONTACTED")
                .contacts(contacts)
                .daysSinceLastContact(1)
                .daysSinceLastOrder(30)
                .ordersTotal(8)
                .ordersLastPeriod(2)
                .ordersPreviousPeriod(2)
                .averageOrderValueLastPeriod(1800)
                .averageOrderValuePreviousPeriod(1700)
                .emailsSentLastPeriod(3)
                .unopenedEmailStreak(1)
                .daysToSubscriptionEnd(300)
                .endingSubscriptionAutoRenews(true)
                .endingSubscriptionAnnual(true)
                .latestNps(7)
                .latestCsat(4)
                .daysSinceLastSurvey(50)
                .daysSinceLastFeedback(50)
                .build();
    }

    private static CustomerFacts.Builder base(String id) {
        return CustomerFacts.builder()
                .customerId(id)
                .segment("SMB")
                .status(CustomerStatus.ACTIVE)
                .asOf(AS_OF)
                .tenureDays(600);
    }
}
