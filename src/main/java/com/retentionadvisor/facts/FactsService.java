package com.retentionadvisor.facts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.retentionadvisor.contacts.Channel;
import com.retentionadvisor.contacts.Direction;
import com.retentionadvisor.contacts.Purpose;
import com.retentionadvisor.customers.Customer;

/**
 * Computes {@link CustomerFacts} from the stored history with two SQL queries per customer. This is the one place
 * where facts are defined, so advice, contact checks and (later) simulations see the same numbers for an as-of instant.
 */
@ApplicationScoped
public class FactsService {

    private static final String CONTACT_COUNTS = """
            with p as (select cast(:asOf as timestamptz) as t)
            select c.direction, c.channel, c.purpose,
                   count(*) filter (where c.occurred_at > p.t - interval '7 days')  as d7,
                   count(*) filter (where c.occurred_at > p.t - interval '30 days') as d30,
                   count(*) filter (where c.occurred_at > p.t - interval '90 days') as d90,
                   count(*)                                                        as d365
            from contact c cross join p
            where c.customer_id = :customer and c.occurred_at <= p.t and c.occurred_at > p.t - interval '365 days'
            group by c.direction, c.channel, c.purpose
            """;

    // Periods are half-open: (asOf - 90 days, asOf] is the last period, (asOf - 180 days, asOf - 90 days] the one before.
    private static final String HISTORY = """
            with p as (select cast(:asOf as timestamptz) as t,
                              cast(:asOf as timestamptz) - interval '90 days' as p1,
                              cast(:asOf as timestamptz) - interval '180 days' as p2),
                 orders as (select d.amount, d.closed_at from deal d, p
                            where d.customer_id = :customer and d.status = 'WON' and d.closed_at <= p.t),
                 sent as (select e.occurred_at,
                                 exists (select 1 from email_event o, p
                                         where o.customer_id = e.customer_id and o.campaign = e.campaign
                                           and o.type in ('OPENED', 'CLICKED') and o.occurred_at <= p.t) as opened
                          from email_event e, p
                          where e.customer_id = :customer and e.type = 'SENT' and e.occurred_at <= p.t),
                 changes as (select a.starts_at, a.handover from manager_assignment a, p
                             where a.customer_id = :customer and a.starts_at <= p.t
                               and exists (select 1 from manager_assignment e
                                           where e.customer_id = a.customer_id and e.starts_at < a.starts_at)),
                 surveys as (select s.answered_at, s.nps, s.csat from survey_response s, p
                             where s.customer_id = :customer and s.answered_at <= p.t)
            select
              (select floor(extract(epoch from p.t - max(c.occurred_at)) / 86400) from contact c
                where c.customer_id = :customer and c.occurred_at <= p.t)                                   as days_since_contact,
              (select floor(extract(epoch from p.t - max(closed_at)) / 86400) from orders)                 as days_since_order,
              (select count(*) from orders)                                                                as orders_total,
              (select count(*) from orders where closed_at > p.p1)                                          as orders_last,
              (select coalesce(avg(amount), 0) from orders where closed_at > p.p1)                          as aov_last,
              (select count(*) from orders where closed_at > p.p2 and closed_at <= p.p1)                    as orders_previous,
              (select coalesce(avg(amount), 0) from orders where closed_at > p.p2 and closed_at <= p.p1)    as aov_previous,
              (select count(*) from deal d where d.customer_id = :customer and d.status = 'LOST'
                  and d.closed_at > p.p1 and d.closed_at <= p.t)                                           as lost_last,
              (select count(*) from sent where occurred_at > p.p1)                                          as sent_last,
              (select count(*) from sent where occurred_at >
                  coalesce((select max(occurred_at) from sent where opened), '-infinity'::timestamptz))    as unopened_streak,
              sub.ends_on - cast(p.t at time zone 'UTC' as date)                                            as days_to_end,
              sub.auto_renew                                                                                as auto_renew,
              sub.annual                                                                                    as annual,
              (select nps from surveys where nps is not null order by answered_at desc limit 1)            as latest_nps,
              (select csat from surveys where csat is not null order by answered_at desc limit 1)          as latest_csat,
              (select floor(extract(epoch from p.t - max(answered_at)) / 86400) from surveys)               as days_since_survey,
              (select count(*) from changes where starts_at > p.t - interval '365 days')                    as changes_last_year,
              coalesce((select not handover from changes where starts_at > p.t - interval '365 days'
                        order by starts_at desc limit 1), false)                                           as change_without_handover
            from p
            left join lateral (select s.ends_on, s.auto_renew, s.annual from subscription s
                               where s.customer_id = :customer and s.starts_on <= cast(p.t at time zone 'UTC' as date)
                                 and s.ends_on >= cast(p.t at time zone 'UTC' as date)
                               order by s.ends_on limit 1) sub on true
            """;

    @Inject
    EntityManager em;

    @Transactional
    public Optional<CustomerFacts> factsFor(String customerExternalId, Instant asOf) {
        return Customer.findByExternalId(customerExternalId).map(customer -> factsFor(customer, asOf));
    }

    public CustomerFacts factsFor(Customer customer, Instant asOf) {
        CustomerFacts.Builder facts = CustomerFacts.builder()
                .customerId(customer.externalId)
                .segment(customer.segment)
                .status(customer.status)
                .crmStage(customer.stage)
                .asOf(asOf)
                .tenureDays((int) Math.max(0, Duration.between(customer.createdAt, asOf).toDays()))
                .contacts(contactCounts(customer.id, asOf));
        Object[] row = (Object[]) em.createNativeQuery(HISTORY)
                .setParameter("asOf", asOf)
                .setParameter("customer", customer.id)
                .getSingleResult();
        return facts
                .daysSinceLastContact(integer(row[0]))
                .daysSinceLastOrder(integer(row[1]))
                .ordersTotal(integer(row[2]))
                .ordersLastPeriod(integer(row[3]))
                .averageOrderValueLastPeriod(((Number) row[4]).doubleValue())
                .ordersPreviousPeriod(integer(row[5]))
                .averageOrderValuePreviousPeriod(((Number) row[6]).doubleValue())
                .lostDealsLastPeriod(integer(row[7]))
                .emailsSentLastPeriod(integer(row[8]))
                .unopenedEmailStreak(integer(row[9]))
                .daysToSubscriptionEnd(integer(row[10]))
                .endingSubscriptionAutoRenews(Boolean.TRUE.equals(row[11]))
                .endingSubscriptionAnnual(Boolean.TRUE.equals(row[12]))
                .latestNps(integer(row[13]))
                .latestCsat(integer(row[14]))
                .daysSinceLastSurvey(integer(row[15]))
                .managerChangesLastYear(integer(row[16]))
                .lastManagerChangeWithoutHandover(Boolean.TRUE.equals(row[17]))
                .build();
    }

    private ContactCounts contactCounts(long customerId, Instant asOf) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(CONTACT_COUNTS)
                .setParameter("asOf", asOf)
                .setParameter("customer", customerId)
                .getResultList();
        ContactCounts.Builder counts = ContactCounts.builder();
        int[] windows = {7, 30, 90, 365};
        for (Object[] row : rows) {
            Direction direction = Direction.valueOf((String) row[0]);
            Channel channel = Channel.valueOf((String) row[1]);
            Purpose purpose = Purpose.valueOf((String) row[2]);
            for (int w = 0; w < windows.length; w++) {
                counts.add(windows[w], direction, channel, purpose, integer(row[3 + w]));
            }
        }
        return counts.build();
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}
