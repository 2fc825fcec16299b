package com.retentionadvisor.facts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import com.retentionadvisor.contacts.Channel;
import com.retentionadvisor.contacts.Direction;
import com.retentionadvisor.contacts.Purpose;
import com.retentionadvisor.customers.Customer;
import com.retentionadvisor.customers.CustomerStatus;
import com.retentionadvisor.customers.RelationshipStage;

/**
 * Computes {@link CustomerFacts} from the stored history: the one place where facts are defined, so advice, contact
 * checks, simulations and back-tests see the same numbers for an as-of instant. One statement computes the facts of a
 * whole page of customers, set-based (each table read once for the page and grouped by customer); a single customer
 * is a page of one. Columns are read by their names, which are the facts' names in snake case.
 */
@ApplicationScoped
public class FactsService {

    // Periods are half-open: (asOf - period, asOf] is the last period, (asOf - 2 periods, asOf - period] the one
    // before. Everything is seen as it was at the as-of instant: later events and later changes of status do not count.
    // Days are UTC days; "months" are 30-day windows back from the as-of instant.
    private static final String FACTS = """
            with p as (select cast(:asOf as timestamptz) as t,
                              cast(:asOf as timestamptz) - make_interval(days => :period) as p1,
                              cast(:asOf as timestamptz) - make_interval(days => 2 * :period) as p2,
                              cast(cast(:asOf as timestamptz) at time zone 'UTC' as date) as today),
                 page as (select c.id, c.external_id, c.segment, c.status, c.churned_at, c.stage, c.created_at, c.birthday
                          from customer c
                          where c.id = any(cast(:ids as bigint[])) or c.external_id = any(cast(:externalIds as text[]))),
                 orders as (select d.customer_id, d.amount, d.closed_at, d.product_line,
                                   cast(d.closed_at at time zone 'UTC' as date) as day,
                                   d.product_line is not null
                                     and d.closed_at > min(d.closed_at) over (partition by d.customer_id, d.product_line) as repeat
                            from deal d join page on page.id = d.customer_id, p
                            where d.status = 'WON' and d.closed_at <= p.t),
                 order_stats as (select o.customer_id,
                            floor(extract(epoch from p.t - max(o.closed_at)) / 86400)                      as days_since_last_order,
                            floor(extract(epoch from p.t - min(o.closed_at)) / 86400)                      as days_since_first_order,
                            count(*)                                                                       as orders_total,
                            count(*) filter (where o.closed_at > p.p1)                                     as orders_last_period,
                            coalesce(avg(o.amount) filter (where o.closed_at > p.p1), 0)                   as average_order_value_last_period,
                            count(*) filter (where o.closed_at > p.p2 and o.closed_at <= p.p1)             as orders_previous_period,
                            coalesce(avg(o.amount) filter (where o.closed_at > p.p2 and o.closed_at <= p.p1), 0)
                                                                                                           as average_order_value_previous_period,
                            avg(case when o.repeat then 1.0 else 0.0 end) filter (where o.closed_at > p.p1) as repeat_order_share_last_period,
                            avg(case when o.repeat then 1.0 else 0.0 end) filter (where o.closed_at > p.p2 and o.closed_at <= p.p1)
                                                                                                           as repeat_order_share_previous_period,
                            coalesce(sum(o.amount) filter (where o.closed_at > p.t - interval '365 days'), 0) as revenue_last_year,
                            count(distinct o.product_line)                                                 as product_lines,
                            count(*) filter (where o.closed_at > p.t - interval '180 days')                as orders_last_half_year,
                            count(*) filter (where o.closed_at > p.t - interval '545 days'
                                               and o.closed_at <= p.t - interval '365 days')               as orders_same_half_year_before,
                            count(*) filter (where o.closed_at > p.t - interval '365 days')                as orders_last_year,
                            count(*) filter (where o.closed_at > p.t - interval '730 days'
                                               and o.closed_at <= p.t - interval '365 days')               as orders_year_before,
                            count(distinct o.day) filter (where o.closed_at > p.t - interval '365 days')   as order_days_last_year,
                            count(distinct floor(extract(epoch from p.t - o.closed_at) / 86400 / 30))
                                filter (where o.closed_at > p.t - interval '180 days')                     as active_months_last_half_year,
                            count(*) filter (where o.closed_at > p.t - interval '365 days'
                                               and o.closed_at <= p.t - interval '275 days')               as orders_coming_season_last_year
                          from orders o, p group by o.customer_id, p.t, p.p1, p.p2),
                 order_days as (select customer_id, day - lag(day) over (partition by customer_id order by day) as gap
                                from (select distinct customer_id, day from orders) d),
                 order_rhythm as (select customer_id, count(*) as order_days_total,
                                         percentile_cont(0.5) within group (order by gap) as typical_order_gap_days
                                  from order_days group by customer_id),
                 contacts as (select c.customer_id, c.occurred_at, c.direction, c.channel, c.purpose, c.responded_at
                              from contact c join page on page.id = c.customer_id, p
                              where c.occurred_at <= p.t),
                 contact_stats as (select c.customer_id,
                            floor(extract(epoch from p.t - max(c.occurred_at)) / 86400)                    as days_since_last_contact,
                            max(c.occurred_at) filter (where c.direction = 'INBOUND')                      as last_inbound,
                            max(c.occurred_at) filter (where c.direction = 'OUTBOUND')                     as last_outbound,
                            floor(extract(epoch from p.t - max(c.occurred_at)
                                filter (where c.direction = 'OUTBOUND' and c.purpose in (%1$s))) / 3600)   as hours_since_last_proactive_outbound,
                            count(*) filter (where c.direction = 'INBOUND' and c.occurred_at > p.p1)       as inbound_last_period,
                            count(*) filter (where c.direction = 'INBOUND' and c.occurred_at > p.p1
                                               and (c.responded_at is null or c.responded_at > p.t))       as unanswered_inbound_last_period,
                            avg(extract(epoch from c.responded_at - c.occurred_at) / 3600)
                                filter (where c.direction = 'INBOUND' and c.occurred_at > p.p1 and c.responded_at <= p.t)
                                                                                                           as average_response_hours_last_period
                          from contacts c, p group by c.customer_id, p.t, p.p1),
                 contact_days as (select customer_id, day - lag(day) over (partition by customer_id order by day) as gap
                                  from (select distinct customer_id, cast(occurred_at at time zone 'UTC' as date) as day
                                        from contacts) d),
                 contact_rhythm as (select customer_id, count(*) as contact_days_total,
                                           percentile_cont(0.5) within group (order by gap) as typical_contact_gap_days
                                    from contact_days group by customer_id),
                 contact_groups as (select c.customer_id, concat_ws(':', c.direction, c.channel, c.purpose, %2$s) as line
                                    from contacts c, p where c.occurred_at > p.t - make_interval(days => %3$s)
                                    group by c.customer_id, c.direction, c.channel, c.purpose),
                 contact_counts as (select customer_id, string_agg(line, ';') as contact_counts
                                    from contact_groups group by customer_id),
                 emails as (select e.customer_id, e.type, e.campaign, e.occurred_at
                            from email_event e join page on page.id = e.customer_id, p where e.occurred_at <= p.t),
                 opened_campaigns as (select distinct customer_id, campaign from emails where type in ('OPENED', 'CLICKED')),
                 last_open as (select customer_id, max(occurred_at) as at from emails where type in ('OPENED', 'CLICKED')
                               group by customer_id),
                 sent as (select e.customer_id, e.occurred_at, o.campaign is not null as opened
                          from emails e left join opened_campaigns o on o.customer_id = e.customer_id and o.campaign = e.campaign
                          where e.type = 'SENT'),
                 last_opened_sent as (select customer_id, max(occurred_at) filter (where opened) as at from sent group by customer_id),
                 email_stats as (select s.customer_id,
                            count(*) filter (where s.occurred_at > p.p1)                                   as emails_sent_last_period,
                            count(*) filter (where s.occurred_at > p.p1 and s.opened)                      as emails_opened_last_period,
                            count(*) filter (where s.occurred_at > p.p2 and s.occurred_at <= p.p1)         as emails_sent_previous_period,
                            count(*) filter (where s.occurred_at > p.p2 and s.occurred_at <= p.p1 and s.opened)
                                                                                                           as emails_opened_previous_period,
                            count(*) filter (where s.occurred_at > coalesce(los.at, '-infinity'::timestamptz))
                                                                                                           as unopened_email_streak,
                            count(*) filter (where s.occurred_at > greatest(coalesce(lo.at, '-infinity'::timestamptz),
                                                                            coalesce(cs.last_inbound, '-infinity'::timestamptz)))
                                                                                                           as emails_unopened_since_last_response
                          from sent s cross join p
                               left join last_opened_sent los on los.customer_id = s.customer_id
                               left join last_open lo on lo.customer_id = s.customer_id
                               left join contact_stats cs on cs.customer_id = s.customer_id
                          group by s.customer_id, p.p1, p.p2),
                 surveys as (select s.customer_id, s.answered_at, s.nps, s.csat,
                                    s.comment is not null and length(trim(s.comment)) > 0 as commented,
                                    (select sum((f ->> 'score')::numeric * (f ->> 'weight')::numeric)
                                            / nullif(sum((f ->> 'weight')::numeric), 0)
                                     from jsonb_array_elements(s.factors) f) as csi
                             from survey_response s join page on page.id = s.customer_id, p
                             where s.answered_at <= p.t),
                 survey_stats as (select s.customer_id,
                            (array_agg(s.nps order by s.answered_at desc) filter (where s.nps is not null))[1]   as latest_nps,
                            (array_agg(s.nps order by s.answered_at desc) filter (where s.nps is not null))[2]   as previous_nps,
                            (array_agg(s.csat order by s.answered_at desc) filter (where s.csat is not null))[1] as latest_csat,
                            (array_agg(s.csat order by s.answered_at desc) filter (where s.csat is not null))[2] as previous_csat,
                            (array_agg(s.csi order by s.answered_at desc) filter (where s.csi is not null))[1]   as latest_csi,
                            (array_agg(s.csi order by s.answered_at desc) filter (where s.csi is not null))[2]   as previous_csi,
                            (array_agg(s.commented order by s.answered_at desc))[1]                             as latest_commented,
                            max(s.answered_at)                                                                  as last_survey
                          from surveys s group by s.customer_id),
                 ticket_stats as (select t.customer_id,
                            count(*) filter (where t.kind = 'COMPLAINT' and (t.closed_at is null or t.closed_at > p.t))  as open_complaints,
                            count(*) filter (where t.kind <> 'COMPLAINT' and (t.closed_at is null or t.closed_at > p.t)) as open_problems,
                            max(t.opened_at)                                                                    as last_ticket
                          from ticket t join page on page.id = t.customer_id, p
                          where t.opened_at <= p.t group by t.customer_id, p.t),
                 deal_stats as (select d.customer_id,
                            count(*) filter (where d.status = 'LOST' and d.closed_at > p.p1 and d.closed_at <= p.t) as lost_deals_last_period,
                            count(*) filter (where d.opened_at <= p.t and (d.status = 'OPEN' or d.closed_at > p.t)) as open_deals,
                            floor(extract(epoch from p.t - min(d.opened_at)
                                filter (where d.opened_at <= p.t and (d.status = 'OPEN' or d.closed_at > p.t))) / 86400)
                                                                                                           as oldest_open_deal_days
                          from deal d join page on page.id = d.customer_id, p group by d.customer_id, p.t, p.p1),
                 changes as (select a.customer_id, a.starts_at, a.handover
                             from (select a.customer_id, a.starts_at, a.handover,
                                          min(a.starts_at) over (partition by a.customer_id) as first_start
                                   from manager_assignment a join page on page.id = a.customer_id) a, p
                             where a.starts_at <= p.t and a.starts_at > a.first_start),
                 change_stats as (select c.customer_id,
                            count(*) filter (where c.starts_at > p.t - interval '365 days')                as manager_changes_last_year,
                            coalesce((array_agg(not c.handover order by c.starts_at desc)
                                          filter (where c.starts_at > p.t - interval '365 days'))[1], false)
                                                                                                           as last_manager_change_without_handover,
                            count(*)                                                                       as manager_changes_total
                          from changes c, p group by c.customer_id, p.t),
                 running as (select distinct on (s.customer_id) s.customer_id, s.ends_on, s.auto_renew, s.annual, s.product, s.starts_on
                             from subscription s join page on page.id = s.customer_id, p
                             where s.starts_on <= p.today and s.ends_on >= p.today
                             order by s.customer_id, s.ends_on),
                 ended as (select s.customer_id, max(s.ends_on) as ends_on
                           from subscription s join page on page.id = s.customer_id, p
                           where s.starts_on <= p.today and s.ends_on < p.today group by s.customer_id),
                 referrals as (select r.referred_by_id as customer_id, count(*) as referrals_given
                               from customer r join page on page.id = r.referred_by_id, p
                               where r.created_at <= p.t group by r.referred_by_id),
                 dismissals as (select r.customer_id, r.action_code,
                                       floor(extract(epoch from p.t - max(r.closed_at)) / 86400) as days_ago
                                from recommendation r join page on page.id = r.customer_id, p
                                where r.status = 'DISMISSED' and r.closed_at <= p.t and r.closed_at > p.t - interval '365 days'
                                group by r.customer_id, r.action_code, p.t),
                 dismissed as (select customer_id, string_agg(action_code || ':' || days_ago, ';') as dismissed_actions
                               from dismissals group by customer_id)
            select page.id, page.external_id, page.segment, page.stage, page.birthday,
                   case when page.status = 'CHURNED' and page.churned_at > p.t then 'ACTIVE' else page.status end as status,
                   greatest(0, floor(extract(epoch from p.t - page.created_at) / 86400))                   as tenure_days,
                   os.days_since_last_order, os.days_since_first_order,
                   coalesce(os.orders_total, 0) as orders_total,
                   coalesce(os.orders_last_period, 0) as orders_last_period,
                   coalesce(os.average_order_value_last_period, 0) as average_order_value_last_period,
                   coalesce(os.orders_previous_period, 0) as orders_previous_period,
                   coalesce(os.average_order_value_previous_period, 0) as average_order_value_previous_period,
                   os.repeat_order_share_last_period, os.repeat_order_share_previous_period,
                   coalesce(os.revenue_last_year, 0) as revenue_last_year,
                   coalesce(os.product_lines, 0) as product_lines,
                   coalesce(os.orders_last_half_year, 0) as orders_last_half_year,
                   coalesce(os.orders_same_half_year_before, 0) as orders_same_half_year_before,
                   coalesce(os.orders_last_year, 0) as orders_last_year,
                   coalesce(os.orders_year_before, 0) as orders_year_before,
                   coalesce(os.order_days_last_year, 0) as order_days_last_year,
                   coalesce(os.active_months_last_half_year, 0) as active_months_last_half_year,
                   coalesce(os.orders_coming_season_last_year, 0) as orders_coming_season_last_year,
                   coalesce(orh.order_days_total, 0) as order_days_total, orh.typical_order_gap_days,
                   cs.days_since_last_contact, cs.hours_since_last_proactive_outbound,
                   coalesce(cs.inbound_last_period, 0) as inbound_last_period,
                   coalesce(cs.unanswered_inbound_last_period, 0) as unanswered_inbound_last_period,
                   cs.average_response_hours_last_period,
                   coalesce(crh.contact_days_total, 0) as contact_days_total, crh.typical_contact_gap_days,
                   cc.contact_counts,
                   coalesce(es.emails_sent_last_period, 0) as emails_sent_last_period,
                   coalesce(es.emails_opened_last_period, 0) as emails_opened_last_period,
                   coalesce(es.emails_sent_previous_period, 0) as emails_sent_previous_period,
                   coalesce(es.emails_opened_previous_period, 0) as emails_opened_previous_period,
                   coalesce(es.unopened_email_streak, 0) as unopened_email_streak,
                   coalesce(es.emails_unopened_since_last_response, 0) as emails_unopened_since_last_response,
                   ss.latest_nps, ss.previous_nps, ss.latest_csat, ss.previous_csat, ss.latest_csi, ss.previous_csi,
                   floor(extract(epoch from p.t - ss.last_survey) / 86400)                                 as days_since_last_survey,
                   coalesce(ss.latest_commented and not coalesce(cs.last_outbound > ss.last_survey, false), false)
                                                                                                           as survey_comment_awaiting_reply,
                   coalesce(ts.open_complaints, 0) as open_complaints,
                   coalesce(ts.open_problems, 0) as open_problems,
                   floor(extract(epoch from p.t - greatest(ss.last_survey, cs.last_inbound, ts.last_ticket)) / 86400)
                                                                                                           as days_since_last_feedback,
                   coalesce(ds.lost_deals_last_period, 0) as lost_deals_last_period,
                   coalesce(ds.open_deals, 0) as open_deals, ds.oldest_open_deal_days,
                   coalesce(ch.manager_changes_last_year, 0) as manager_changes_last_year,
                   coalesce(ch.last_manager_change_without_handover, false) as last_manager_change_without_handover,
                   coalesce(ch.manager_changes_total, 0) as manager_changes_total,
                   run.ends_on - p.today as days_to_subscription_end,
                   coalesce(run.auto_renew, false) as ending_subscription_auto_renews,
                   coalesce(run.annual, false) as ending_subscription_annual,
                   coalesce(exists (select 1 from subscription r where r.customer_id = run.customer_id and r.product = run.product
                                    and r.starts_on > run.starts_on and coalesce(r.ends_on, 'infinity'::date) > run.ends_on), false)
                                                                                                           as renewal_in_sight,
                   case when run.customer_id is null then p.today - en.ends_on end                         as days_since_subscription_ended,
                   coalesce(rf.referrals_given, 0) as referrals_given,
                   dm.dismissed_actions
            from page cross join p
                 left join order_stats os on os.customer_id = page.id
                 left join order_rhythm orh on orh.customer_id = page.id
                 left join contact_stats cs on cs.customer_id = page.id
                 left join contact_rhythm crh on crh.customer_id = page.id
                 left join contact_counts cc on cc.customer_id = page.id
                 left join email_stats es on es.customer_id = page.id
                 left join survey_stats ss on ss.customer_id = page.id
                 left join ticket_stats ts on ts.customer_id = page.id
                 left join deal_stats ds on ds.customer_id = page.id
                 left join change_stats ch on ch.customer_id = page.id
                 left join running run on run.customer_id = page.id
                 left join ended en on en.customer_id = page.id
                 left join referrals rf on rf.customer_id = page.id
                 left join dismissed dm on dm.customer_id = page.id
            """.formatted(
            Arrays.stream(Purpose.values()).filter(Purpose::isProactive)
                    .map(purpose -> "'" + purpose.name() + "'").collect(Collectors.joining(", ")),
            ContactCounts.WINDOWS.stream().sorted()
                    .map(days -> "count(*) filter (where c.occurred_at > p.t - interval '" + days + " days')")
                    .collect(Collectors.joining(", ")),
            ContactCounts.WINDOWS.stream().mapToInt(Integer::intValue).max().orElseThrow());

    private static final List<Integer> WINDOWS = ContactCounts.WINDOWS.stream().sorted().toList();

    @Inject
    EntityManager em;

    /** The customer's facts at the as-of instant; empty when the customer is unknown. */
    @Transactional
    public Optional<CustomerFacts> factsFor(String customerExternalId, Instant asOf) {
        return query(List.of(), List.of(customerExternalId), asOf).stream().findFirst().map(Identified::facts);
    }

    public CustomerFacts factsFor(Customer customer, Instant asOf) {
        return factsFor(List.of(customer.id), asOf).get(0);
    }

    /** The facts of a page of customers at one as-of instant, in the order of the ids; unknown ids are left out. */
    @Transactional
    public List<CustomerFacts> factsFor(List<Long> customerIds, Instant asOf) {
        if (customerIds.isEmpty()) {
            return List.of();
        }
        Map<Long, CustomerFacts> byId = new HashMap<>();
        query(customerIds, List.of(), asOf).forEach(customer -> byId.put(customer.id(), customer.facts()));
        return customerIds.stream().map(byId::get).filter(facts -> facts != null).toList();
    }

    private record Identified(long id, CustomerFacts facts) {
    }

    private List<Identified> query(List<Long> ids, List<String> externalIds, Instant asOf) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery(FACTS, Tuple.class)
                .setParameter("asOf", asOf)
                .setParameter("period", CustomerFacts.PERIOD_DAYS)
                .setParameter("ids", ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
                .setParameter("externalIds", textArray(externalIds))
                .getResultList();
        return rows.stream().map(row -> new Identified(((Number) row.get("id")).longValue(), facts(new Row(row), asOf))).toList();
    }

    private static CustomerFacts facts(Row row, Instant asOf) {
        return CustomerFacts.builder()
                .customerId(row.text("external_id"))
                .segment(row.text("segment"))
                .status(CustomerStatus.valueOf(row.text("status")))
                .crmStage(row.text("stage") == null ? null : RelationshipStage.valueOf(row.text("stage")))
                .asOf(asOf)
                .tenureDays(row.count("tenure_days"))
                .contacts(contactCounts(row.text("contact_counts")))
                .daysSinceLastContact(row.integer("days_since_last_contact"))
                .daysSinceLastOrder(row.integer("days_since_last_order"))
                .daysSinceFirstOrder(row.integer("days_since_first_order"))
                .ordersTotal(row.count("orders_total"))
                .ordersLastPeriod(row.count("orders_last_period"))
                .averageOrderValueLastPeriod(row.decimal("average_order_value_last_period"))
                .ordersPreviousPeriod(row.count("orders_previous_period"))
                .averageOrderValuePreviousPeriod(row.decimal("average_order_value_previous_period"))
                .repeatOrderShareLastPeriod(row.decimal("repeat_order_share_last_period"))
                .repeatOrderSharePreviousPeriod(row.decimal("repeat_order_share_previous_period"))
                .revenueLastYear(row.decimal("revenue_last_year"))
                .productLines(row.count("product_lines"))
                .ordersLastHalfYear(row.count("orders_last_half_year"))
                .ordersSameHalfYearBefore(row.count("orders_same_half_year_before"))
                .ordersLastYear(row.count("orders_last_year"))
                .ordersYearBefore(row.count("orders_year_before"))
                .orderDaysLastYear(row.count("order_days_last_year"))
                .activeMonthsLastHalfYear(row.count("active_months_last_half_year"))
                .ordersComingSeasonLastYear(row.count("orders_coming_season_last_year"))
                .orderDaysTotal(row.count("order_days_total"))
                .typicalOrderGapDays(row.decimal("typical_order_gap_days"))
                .hoursSinceLastProactiveOutbound(row.integer("hours_since_last_proactive_outbound"))
                .inboundLastPeriod(row.count("inbound_last_period"))
                .unansweredInboundLastPeriod(row.count("unanswered_inbound_last_period"))
                .averageResponseHoursLastPeriod(row.decimal("average_response_hours_last_period"))
                .contactDaysTotal(row.count("contact_days_total"))
                .typicalContactGapDays(row.decimal("typical_contact_gap_days"))
                .emailsSentLastPeriod(row.count("emails_sent_last_period"))
                .emailsOpenedLastPeriod(row.count("emails_opened_last_period"))
                .emailsSentPreviousPeriod(row.count("emails_sent_previous_period"))
                .emailsOpenedPreviousPeriod(row.count("emails_opened_previous_period"))
                .unopenedEmailStreak(row.count("unopened_email_streak"))
                .emailsUnopenedSinceLastResponse(row.count("emails_unopened_since_last_response"))
                .latestNps(row.integer("latest_nps"))
                .previousNps(row.integer("previous_nps"))
                .latestCsat(row.integer("latest_csat"))
                .previousCsat(row.integer("previous_csat"))
                .latestCsi(row.decimal("latest_csi"))
                .previousCsi(row.decimal("previous_csi"))
                .daysSinceLastSurvey(row.integer("days_since_last_survey"))
                .surveyCommentAwaitingReply(row.flag("survey_comment_awaiting_reply"))
                .openComplaints(row.count("open_complaints"))
                .openProblems(row.count("open_problems"))
                .daysSinceLastFeedback(row.integer("days_since_last_feedback"))
                .lostDealsLastPeriod(row.count("lost_deals_last_period"))
                .openDeals(row.count("open_deals"))
                .oldestOpenDealDays(row.integer("oldest_open_deal_days"))
                .managerChangesLastYear(row.count("manager_changes_last_year"))
                .lastManagerChangeWithoutHandover(row.flag("last_manager_change_without_handover"))
                .managerChangesTotal(row.count("manager_changes_total"))
                .daysToSubscriptionEnd(row.integer("days_to_subscription_end"))
                .endingSubscriptionAutoRenews(row.flag("ending_subscription_auto_renews"))
                .endingSubscriptionAnnual(row.flag("ending_subscription_annual"))
                .renewalInSight(row.flag("renewal_in_sight"))
                .daysSinceSubscriptionEnded(row.integer("days_since_subscription_ended"))
                .referralsGiven(row.count("referrals_given"))
                .daysToBirthday(daysToBirthday(row.date("birthday"), asOf))
                .dismissedActions(dismissedActions(row.text("dismissed_actions")))
                .build();
    }

    // "DIRECTION:CHANNEL:PURPOSE:n7:n30:n90:n365;…", one group per direction, channel and purpose, counts per window.
    private static ContactCounts contactCounts(String groups) {
        ContactCounts.Builder counts = ContactCounts.builder();
        if (groups != null) {
            for (String group : groups.split(";")) {
                String[] parts = group.split(":");
                Direction direction = Direction.valueOf(parts[0]);
                Channel channel = Channel.valueOf(parts[1]);
                Purpose purpose = Purpose.valueOf(parts[2]);
                for (int w = 0; w < WINDOWS.size(); w++) {
                    counts.add(WINDOWS.get(w), direction, channel, purpose, Integer.parseInt(parts[3 + w]));
                }
            }
        }
        return counts.build();
    }

    // "ACTION_CODE:days;…": the latest dismissal of each action a manager dismissed in the year before the as-of instant.
    private static Map<String, Integer> dismissedActions(String dismissals) {
        Map<String, Integer> dismissed = new TreeMap<>();
        if (dismissals != null) {
            for (String dismissal : dismissals.split(";")) {
                int colon = dismissal.lastIndexOf(':');
                dismissed.put(dismissal.substring(0, colon), Integer.parseInt(dismissal.substring(colon + 1)));
            }
        }
        return dismissed;
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

    private static String textArray(List<String> values) {
        return values.stream().map(value -> "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** One row of the facts statement, read by column name. */
    private record Row(Tuple tuple) {

        Integer integer(String column) {
            Object value = tuple.get(column);
            return value == null ? null : ((Number) value).intValue();
        }

        int count(String column) {
            return ((Number) tuple.get(column)).intValue();
        }

        Double decimal(String column) {
            Object value = tuple.get(column);
            return value == null ? null : ((Number) value).doubleValue();
        }

        boolean flag(String column) {
            return Boolean.TRUE.equals(tuple.get(column));
        }

        String text(String column) {
            Object value = tuple.get(column);
            return value == null ? null : value.toString();
        }

        LocalDate date(String column) {
            Object value = tuple.get(column);
            if (value == null) {
                return null;
            }
            return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
        }
    }
}
