package com.retentionadvisor.facts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.retentionadvisor.contacts.Channel;
import com.retentionadvisor.contacts.Direction;
import com.retentionadvisor.contacts.Purpose;
import com.retentionadvisor.customers.Customer;

/**
 * Computes {@link CustomerFacts} from the stored history with two SQL queries per customer (and the customer row). This is the one place
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
    // Everything is seen as it was at the as-of instant: later events and later changes of status do not count.
    private static final String HISTORY = """
            with p as (select cast(:asOf as timestamptz) as t,
                              cast(:asOf as timestamptz) - interval '90 days' as p1,
                              cast(:asOf as timestamptz) - interval '180 days' as p2,
                              cast(cast(:asOf as timestamptz) at time zone 'UTC' as date) as today),
                 orders as (select d.amount, d.closed_at, d.product_line from deal d, p
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
                 surveys as (select s.answered_at, s.nps, s.csat, s.comment,
                                    (select sum((f ->> 'score')::numeric * (f ->> 'weight')::numeric)
                                            / nullif(sum((f ->> 'weight')::numeric), 0)
                                     from jsonb_array_elements(s.factors) f) as csi
                             from survey_response s, p
                             where s.customer_id = :customer and s.answered_at <= p.t),
                 inbound as (select c.occurred_at, c.responded_at from contact c, p
                             where c.customer_id = :customer and c.direction = 'INBOUND' and c.occurred_at <= p.t),
                 tickets as (select t.kind, t.opened_at, t.closed_at from ticket t, p
                             where t.customer_id = :customer and t.opened_at <= p.t),
                 open_deals as (select d.opened_at from deal d, p
                                where d.customer_id = :customer and d.opened_at <= p.t
                                  and (d.status = 'OPEN' or d.closed_at > p.t))
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
              sub.ends_on - p.today                                                                         as days_to_end,
              sub.auto_renew                                                                                as auto_renew,
              sub.annual                                                                                    as annual,
              (select nps from surveys where nps is not null order by answered_at desc limit 1)            as latest_nps,
              (select csat from surveys where csat is not null order by answered_at desc limit 1)          as latest_csat,
              (select floor(extract(epoch from p.t - max(answered_at)) / 86400) from surveys)               as days_since_survey,
              (select count(*) from changes where starts_at > p.t - interval '365 days')                    as changes_last_year,
              coalesce((select not handover from changes where starts_at > p.t - interval '365 days'
                        order by starts_at desc limit 1), false)                                           as change_without_handover,
              (select count(*) from sent where occurred_at > p.p1 and opened)                               as opened_last,
              (select count(*) from sent where occurred_at > p.p2 and occurred_at <= p.p1)                  as sent_previous,
              (select count(*) from sent where occurred_at > p.p2 and occurred_at <= p.p1 and opened)       as opened_previous,
              (select count(*) from sent where occurred_at > greatest(
                  coalesce((select max(o.occurred_at) from email_event o where o.customer_id = :customer
                            and o.type in ('OPENED', 'CLICKED') and o.occurred_at <= p.t), '-infinity'::timestamptz),
                  coalesce((select max(occurred_at) from inbound), '-infinity'::timestamptz)))             as unopened_since_response,
              (select count(*) from open_deals)                                                             as open_deals,
              (select floor(extract(epoch from p.t - min(opened_at)) / 86400) from open_deals)              as oldest_open_deal_days,
              (select avg(case when exists (select 1 from orders b where b.product_line = o.product_line
                                            and b.closed_at < o.closed_at) then 1.0 else 0.0 end)
                 from orders o where o.closed_at > p.p1)                                                    as repeat_last,
              (select avg(case when exists (select 1 from orders b where b.product_line = o.product_line
                                            and b.closed_at < o.closed_at) then 1.0 else 0.0 end)
                 from orders o where o.closed_at > p.p2 and o.closed_at <= p.p1)                            as repeat_previous,
              (select coalesce(sum(amount), 0) from orders where closed_at > p.t - interval '365 days')     as revenue_last_year,
              coalesce(exists (select 1 from subscription r where r.customer_id = :customer and r.product = sub.product
                               and r.starts_on > sub.starts_on and coalesce(r.ends_on, 'infinity'::date) > sub.ends_on),
                       false)                                                                              as renewal_in_sight,
              (select nps from surveys where nps is not null order by answered_at desc offset 1 limit 1)   as previous_nps,
              (select csat from surveys where csat is not null order by answered_at desc offset 1 limit 1) as previous_csat,
              (select csi from surveys where csi is not null order by answered_at desc limit 1)             as latest_csi,
              (select csi from surveys where csi is not null order by answered_at desc offset 1 limit 1)    as previous_csi,
              coalesce((select s.comment is not null and length(trim(s.comment)) > 0
                               and not exists (select 1 from contact c where c.customer_id = :customer
                                               and c.direction = 'OUTBOUND' and c.occurred_at > s.answered_at
                                               and c.occurred_at <= p.t)
                        from surveys s order by s.answered_at desc limit 1), false)                        as comment_awaiting_reply,
              (select count(*) from tickets where kind = 'COMPLAINT' and (closed_at is null or closed_at > p.t)) as open_complaints,
              (select count(*) from tickets where kind <> 'COMPLAINT' and (closed_at is null or closed_at > p.t)) as open_problems,
              floor(extract(epoch from p.t - greatest((select max(answered_at) from surveys),
                                                      (select max(occurred_at) from inbound),
                                                      (select max(opened_at) from tickets))) / 86400)      as days_since_feedback,
              (select count(*) from inbound where occurred_at > p.p1)                                       as inbound_last,
              (select count(*) from inbound where occurred_at > p.p1
                  and (responded_at is null or responded_at > p.t))                                        as unanswered_inbound_last,
              (select avg(extract(epoch from responded_at - occurred_at) / 3600) from inbound
                where occurred_at > p.p1 and responded_at <= p.t)                                           as avg_response_hours,
              (select count(*) from changes)                                                                as changes_total,
              (select count(*) from customer r where r.referred_by_id = :customer and r.created_at <= p.t)  as referrals_given,
              (select floor(extract(epoch from p.t - max(c.occurred_at)) / 3600) from contact c
                where c.customer_id = :customer and c.direction = 'OUTBOUND' and c.purpose in (%s)
                  and c.occurred_at <= p.t)                                                                 as hours_since_proactive,
              (select count(distinct product_line) from orders)                                             as product_lines
            from p
            left join lateral (select s.ends_on, s.auto_renew, s.annual, s.product, s.starts_on from subscription s
                               where s.customer_id = :customer and s.starts_on <= p.today and s.ends_on >= p.today
                               order by s.ends_on limit 1) sub on true
            """.formatted(Arrays.stream(Purpose.values()).filter(Purpose::isProactive)
                    .map(purpose -> "'" + purpose.name() + "'").collect(Collectors.joining(", ")));

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
                .status(customer.statusAt(asOf))
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
                .averageOrderValueLastPeriod(decimal(row[4]))
                .ordersPreviousPeriod(integer(row[5]))
                .averageOrderValuePreviousPeriod(decimal(row[6]))
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
                .emailsOpenedLastPeriod(integer(row[18]))
                .emailsSentPreviousPeriod(integer(row[19]))
                .emailsOpenedPreviousPeriod(integer(row[20]))
                .emailsUnopenedSinceLastResponse(integer(row[21]))
                .openDeals(integer(row[22]))
                .oldestOpenDealDays(integer(row[23]))
                .repeatOrderShareLastPeriod(decimal(row[24]))
                .repeatOrderSharePreviousPeriod(decimal(row[25]))
                .revenueLastYear(decimal(row[26]))
                .renewalInSight(Boolean.TRUE.equals(row[27]))
                .previousNps(integer(row[28]))
                .previousCsat(integer(row[29]))
                .latestCsi(decimal(row[30]))
                .previousCsi(decimal(row[31]))
                .surveyCommentAwaitingReply(Boolean.TRUE.equals(row[32]))
                .openComplaints(integer(row[33]))
                .openProblems(integer(row[34]))
                .daysSinceLastFeedback(integer(row[35]))
                .inboundLastPeriod(integer(row[36]))
                .unansweredInboundLastPeriod(integer(row[37]))
                .averageResponseHoursLastPeriod(decimal(row[38]))
                .managerChangesTotal(integer(row[39]))
                .referralsGiven(integer(row[40]))
                .hoursSinceLastProactiveOutbound(integer(row[41]))
                .productLines(integer(row[42]))
                .daysToBirthday(daysToBirthday(customer.birthday, asOf))
                .dismissedActions(dismissedActions(customer.id, asOf))
                .build();
    }

    // The latest dismissal of each action a manager dismissed for the customer in the year before the as-of instant.
    private static final String DISMISSED = """
            select action_code, floor(extract(epoch from (cast(:asOf as timestamptz) - max(closed_at))) / 86400)::int as days_ago
            from recommendation
            where customer_id = :customer and status = 'DISMISSED' and closed_at <= cast(:asOf as timestamptz)
              and closed_at > cast(:asOf as timestamptz) - interval '365 days'
            group by action_code
            """;

    @SuppressWarnings("unchecked")
    private Map<String, Integer> dismissedActions(long customerId, Instant asOf) {
        List<Object[]> rows = em.createNativeQuery(DISMISSED)
                .setParameter("asOf", asOf)
                .setParameter("customer", customerId)
                .getResultList();
        Map<String, Integer> dismissed = new TreeMap<>();
        rows.forEach(row -> dismissed.put((String) row[0], ((Number) row[1]).intValue()));
        return dismissed;
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

    private static Integer daysToBirthday(LocalDate birthday, Instant asOf) {
        if (birthday == null) {
            return null;
        }
        LocalDate today = asOf.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate next = birthday.withYear(today.getYear());
        if (next.isBefore(today)) {
            next = birthday.withYear(today.getYear() + 1);
        }
        return (int) ChronoUnit.DAYS.between(today, next);
    }

    private static Double decimal(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}
