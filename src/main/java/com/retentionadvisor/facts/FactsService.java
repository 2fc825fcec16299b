package com.retentionadvisor.facts;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

import io.quarkus.runtime.StartupEvent;

import com.retentionadvisor.contacts.Channel;
import com.retentionadvisor.contacts.Direction;
import com.retentionadvisor.contacts.Purpose;
import com.retentionadvisor.customers.Customer;
import com.retentionadvisor.customers.CustomerStatus;
import com.retentionadvisor.customers.RelationshipStage;
import com.retentionadvisor.customers.TimeZones;

/**
 * Computes {@link CustomerFacts} from the stored history: the one place where facts are defined, so advice, contact
 * checks, simulations and back-tests see the same numbers for an as-of instant. One statement computes the facts of a
 * whole page of customers; a single customer is a page of one. Columns are read by their names, which are the facts'
 * names in snake case.
 */
@ApplicationScoped
public class FactsService {

    // Periods are half-open: (asOf - period, asOf] is the last period, (asOf - 2 periods, asOf - period] the one
    // before. Everything is seen as it was at the as-of instant: later events and later changes of status do not count.
    // Days are UTC days; "months" are 30-day windows back from the as-of instant. Each customer of the page reads each
    // of its tables once, by the customer's index (a lateral aggregate per table), so one customer costs the same
    // alone as within a page, and the plan needs no estimate of the page's size.
    private static final String FACTS = """
            with p as (select cast(:asOf as timestamptz) as t,
                              cast(:asOf as timestamptz) - make_interval(days => :period) as p1,
                              cast(:asOf as timestamptz) - make_interval(days => 2 * :period) as p2,
                              cast(cast(:asOf as timestamptz) at time zone 'UTC' as date) as today)
            select c.id, c.external_id, c.segment, c.stage, c.birthday, c.time_zone,
                   case when c.status = 'CHURNED' and c.churned_at > p.t then 'ACTIVE' else c.status end as status,
                   greatest(0, floor(extract(epoch from p.t - c.created_at) / 86400))                      as tenure_days,
                   os.days_since_last_order, os.days_since_first_order, os.orders_total, os.orders_last_period,
                   os.average_order_value_last_period, os.orders_previous_period, os.average_order_value_previous_period,
                   os.repeat_order_share_last_period, os.repeat_order_share_previous_period, os.revenue_last_year,
                   os.product_lines, os.orders_last_half_year, os.orders_same_half_year_before, os.orders_last_year,
                   os.orders_year_before, os.order_days_last_year, os.active_months_last_half_year,
                   os.orders_coming_season_last_year, os.order_days,
                   cs.days_since_last_contact, cs.hours_since_last_proactive_outbound, cs.inbound_last_period,
                   cs.unanswered_inbound_last_period, cs.average_response_hours_last_period,
                   cs.contact_days, cc.contact_counts, pr.outbound_recent, pr.proactive_since_last_response,
                   extract(epoch from p.t - greatest(cs.last_inbound, eo.last_email_answer)) / 86400        as days_since_last_response,
                   es.emails_sent_last_period, es.emails_opened_last_period, es.emails_sent_previous_period,
                   es.emails_opened_previous_period, es.unopened_email_streak, es.emails_unopened_since_last_response,
                   ss.latest_nps, ss.previous_nps, ss.latest_csat, ss.previous_csat, ss.latest_csi, ss.previous_csi,
                   floor(extract(epoch from p.t - ss.last_survey) / 86400)                                 as days_since_last_survey,
                   coalesce(ss.latest_commented and not coalesce(cs.last_outbound > ss.last_survey, false), false)
                                                                                                           as survey_comment_awaiting_reply,
                   ts.open_complaints, ts.open_problems,
                   floor(extract(epoch from p.t - greatest(ss.last_survey, cs.last_inbound, ts.last_ticket)) / 86400)
                                                                                                           as days_since_last_feedback,
                   ds.lost_deals_last_period, ds.open_deals, ds.oldest_open_deal_days,
                   ch.manager_changes_last_year, ch.last_manager_change_without_handover, ch.manager_changes_total,
                   run.ends_on - p.today                                                                   as days_to_subscription_end,
                   coalesce(run.auto_renew, false)                                                         as ending_subscription_auto_renews,
                   coalesce(run.annual, false)                                                             as ending_subscription_annual,
                   coalesce(run.renewal_in_sight, false)                                                   as renewal_in_sight,
                   case when run.ends_on is null then p.today - en.ends_on end                             as days_since_subscription_ended,
                   rf.referrals_given, dm.dismissed_actions, dm.actions_set_aside
            from customer c cross join p
            -- Won deals: counts, values and the windows they fall in.
            cross join lateral (
                select floor(extract(epoch from p.t - max(o.closed_at)) / 86400)                           as days_since_last_order,
                       floor(extract(epoch from p.t - min(o.closed_at)) / 86400)                           as days_since_first_order,
                       count(*)                                                                            as orders_total,
                       count(*) filter (where o.closed_at > p.p1)                                          as orders_last_period,
                       coalesce(avg(o.amount) filter (where o.closed_at > p.p1), 0)                        as average_order_value_last_period,
                       count(*) filter (where o.closed_at > p.p2 and o.closed_at <= p.p1)                  as orders_previous_period,
                       coalesce(avg(o.amount) filter (where o.closed_at > p.p2 and o.closed_at <= p.p1), 0) as average_order_value_previous_period,
                       avg(case when o.repeat then 1.0 else 0.0 end) filter (where o.closed_at > p.p1)     as repeat_order_share_last_period,
                       avg(case when o.repeat then 1.0 else 0.0 end) filter (where o.closed_at > p.p2 and o.closed_at <= p.p1)
                                                                                                           as repeat_order_share_previous_period,
                       coalesce(sum(o.amount) filter (where o.closed_at > p.t - interval '365 days'), 0)   as revenue_last_year,
                       count(distinct o.product_line)                                                      as product_lines,
                       count(*) filter (where o.closed_at > p.t - interval '180 days')                     as orders_last_half_year,
                       count(*) filter (where o.closed_at > p.t - interval '545 days'
                                          and o.closed_at <= p.t - interval '365 days')                    as orders_same_half_year_before,
                       count(*) filter (where o.closed_at > p.t - interval '365 days')                     as orders_last_year,
                       count(*) filter (where o.closed_at > p.t - interval '730 days'
                                          and o.closed_at <= p.t - interval '365 days')                    as orders_year_before,
                       count(distinct cast(o.closed_at at time zone 'UTC' as date))
                           filter (where o.closed_at > p.t - interval '365 days')                          as order_days_last_year,
                       count(distinct floor(extract(epoch from p.t - o.closed_at) / 86400 / 30))
                           filter (where o.closed_at > p.t - interval '180 days')                          as active_months_last_half_year,
                       count(*) filter (where o.closed_at > p.t - interval '365 days'
                                          and o.closed_at <= p.t - interval '275 days')                    as orders_coming_season_last_year,
                       array_agg(distinct cast(o.closed_at at time zone 'UTC' as date))                    as order_days
                from (select d.amount, d.closed_at, d.product_line,
                             d.product_line is not null
                               and d.closed_at > min(d.closed_at) over (partition by d.product_line)       as repeat
                      from deal d
                      where d.customer_id = c.id and d.status = 'WON' and d.closed_at <= p.t) o) os
            -- Contacts in either direction.
            cross join lateral (
                select floor(extract(epoch from p.t - max(k.occurred_at)) / 86400)                         as days_since_last_contact,
                       max(k.occurred_at) filter (where k.direction = 'INBOUND')                           as last_inbound,
                       max(k.occurred_at) filter (where k.direction = 'OUTBOUND')                          as last_outbound,
                       floor(extract(epoch from p.t - max(k.occurred_at)
                           filter (where k.direction = 'OUTBOUND' and k.purpose in (%1$s))) / 3600)        as hours_since_last_proactive_outbound,
                       count(*) filter (where k.direction = 'INBOUND' and k.occurred_at > p.p1)            as inbound_last_period,
                       count(*) filter (where k.direction = 'INBOUND' and k.occurred_at > p.p1
                                          and (k.responded_at is null or k.responded_at > p.t))            as unanswered_inbound_last_period,
                       avg(extract(epoch from k.responded_at - k.occurred_at) / 3600)
                           filter (where k.direction = 'INBOUND' and k.occurred_at > p.p1 and k.responded_at <= p.t)
                                                                                                           as average_response_hours_last_period,
                       array_agg(distinct cast(k.occurred_at at time zone 'UTC' as date))                  as contact_days
                from contact k where k.customer_id = c.id and k.occurred_at <= p.t) cs
            -- "DIRECTION:CHANNEL:PURPOSE:n7:n30:n90:n365;…": contacts per window, by direction, channel and purpose.
            cross join lateral (
                select string_agg(concat_ws(':', g.direction, g.channel, g.purpose, %2$s), ';') as contact_counts
                from (select k.direction, k.channel, k.purpose, %3$s
                      from contact k
                      where k.customer_id = c.id and k.occurred_at <= p.t and k.occurred_at > p.t - make_interval(days => %4$s)
                      group by k.direction, k.channel, k.purpose) g) cc
            -- The customer's last answer by email: an email opened or clicked.
            cross join lateral (
                select max(o.occurred_at) as last_email_answer
                from email_event o
                where o.customer_id = c.id and o.type in ('OPENED', 'CLICKED') and o.occurred_at <= p.t) eo
            -- Each outbound contact of the last %5$s days, for the caps to count: its channel, purpose, milliseconds ago, person
            -- and campaign, fields apart by chr(31) and contacts by chr(30) (neither can be in an ingested text).
            -- And how many proactive ones came after the customer last answered (an inbound contact, an email opened or clicked).
            cross join lateral (
                select string_agg(concat_ws(chr(31), k.channel, k.purpose, floor(extract(epoch from p.t - k.occurred_at) * 1000),
                                            coalesce(pp.external_id, ''), coalesce(k.campaign, '')), chr(30)) as outbound_recent,
                       count(*) filter (where k.purpose in (%1$s) and k.occurred_at > coalesce(greatest(cs.last_inbound, eo.last_email_answer),
                           '-infinity'::timestamptz))                                                      as proactive_since_last_response
                from contact k left join contact_person pp on pp.id = k.person_id
                where k.customer_id = c.id and k.direction = 'OUTBOUND'
                  and k.occurred_at <= p.t and k.occurred_at > p.t - make_interval(days => %5$s)) pr
            -- Emails sent, and whether the customer opened each (an open or click of the same campaign).
            cross join lateral (
                select count(*) filter (where s.occurred_at > p.p1)                                        as emails_sent_last_period,
                       count(*) filter (where s.occurred_at > p.p1 and s.opened)                           as emails_opened_last_period,
                       count(*) filter (where s.occurred_at > p.p2 and s.occurred_at <= p.p1)              as emails_sent_previous_period,
                       count(*) filter (where s.occurred_at > p.p2 and s.occurred_at <= p.p1 and s.opened) as emails_opened_previous_period,
                       count(*) filter (where s.occurred_at > coalesce(s.last_opened_sent, '-infinity'::timestamptz))
                                                                                                           as unopened_email_streak,
                       count(*) filter (where s.occurred_at > greatest(coalesce(eo.last_email_answer, '-infinity'::timestamptz),
                                                                       coalesce(cs.last_inbound, '-infinity'::timestamptz)))
                                                                                                           as emails_unopened_since_last_response
                from (select e.occurred_at, e.opened, max(e.occurred_at) filter (where e.opened) over () as last_opened_sent
                      from (select e.occurred_at,
                                   exists (select 1 from email_event o
                                           where o.customer_id = c.id and o.campaign = e.campaign
                                             and o.type in ('OPENED', 'CLICKED') and o.occurred_at <= p.t) as opened
                            from email_event e
                            where e.customer_id = c.id and e.type = 'SENT' and e.occurred_at <= p.t) e) s) es
            -- Survey answers: the latest and the one before, and whether the latest comment still waits for us.
            cross join lateral (
                select (array_agg(v.nps order by v.answered_at desc) filter (where v.nps is not null))[1]     as latest_nps,
                       (array_agg(v.nps order by v.answered_at desc) filter (where v.nps is not null))[2]     as previous_nps,
                       (array_agg(v.csat order by v.answered_at desc) filter (where v.csat is not null))[1]   as latest_csat,
                       (array_agg(v.csat order by v.answered_at desc) filter (where v.csat is not null))[2]   as previous_csat,
                       (array_agg(v.csi order by v.answered_at desc) filter (where v.csi is not null))[1]     as latest_csi,
                       (array_agg(v.csi order by v.answered_at desc) filter (where v.csi is not null))[2]     as previous_csi,
                       (array_agg(v.commented order by v.answered_at desc))[1]                               as latest_commented,
                       max(v.answered_at)                                                                    as last_survey
                from (select s.answered_at, s.nps, s.csat,
                             s.comment is not null and length(trim(s.comment)) > 0 as commented,
                             (select sum((f ->> 'score')::numeric * (f ->> 'weight')::numeric)
                                     / nullif(sum((f ->> 'weight')::numeric), 0)
                              from jsonb_array_elements(s.factors) f) as csi
                      from survey_response s where s.customer_id = c.id and s.answered_at <= p.t) v) ss
            cross join lateral (
                select count(*) filter (where t.kind = 'COMPLAINT' and (t.closed_at is null or t.closed_at > p.t))  as open_complaints,
                       count(*) filter (where t.kind <> 'COMPLAINT' and (t.closed_at is null or t.closed_at > p.t)) as open_problems,
                       max(t.opened_at)                                                                     as last_ticket
                from ticket t where t.customer_id = c.id and t.opened_at <= p.t) ts
            cross join lateral (
                select count(*) filter (where d.status = 'LOST' and d.closed_at > p.p1 and d.closed_at <= p.t) as lost_deals_last_period,
                       count(*) filter (where d.opened_at <= p.t and (d.status = 'OPEN' or d.closed_at > p.t)) as open_deals,
                       floor(extract(epoch from p.t - min(d.opened_at)
                           filter (where d.opened_at <= p.t and (d.status = 'OPEN' or d.closed_at > p.t))) / 86400)
                                                                                                           as oldest_open_deal_days
                from deal d where d.customer_id = c.id) ds
            -- Manager changes: an assignment that starts after the customer's first one.
            cross join lateral (
                select count(*) filter (where a.starts_at > p.t - interval '365 days')                     as manager_changes_last_year,
                       coalesce((array_agg(not a.handover order by a.starts_at desc)
                                     filter (where a.starts_at > p.t - interval '365 days'))[1], false)    as last_manager_change_without_handover,
                       count(*)                                                                            as manager_changes_total
                from (select a.starts_at, a.handover, min(a.starts_at) over () as first_start
                      from manager_assignment a where a.customer_id = c.id) a
                where a.starts_at <= p.t and a.starts_at > a.first_start) ch
            -- The nearest running subscription, and the end of the latest one when none runs.
            left join lateral (
                select s.ends_on, s.auto_renew, s.annual,
                       exists (select 1 from subscription r where r.customer_id = c.id and r.product = s.product
                               and r.starts_on > s.starts_on and coalesce(r.ends_on, 'infinity'::date) > s.ends_on) as renewal_in_sight
                from subscription s
                where s.customer_id = c.id and s.starts_on <= p.today and s.ends_on >= p.today
                order by s.ends_on limit 1) run on true
            cross join lateral (
                select max(s.ends_on) as ends_on from subscription s
                where s.customer_id = c.id and s.starts_on <= p.today and s.ends_on < p.today) en
            cross join lateral (
                select count(*) as referrals_given from customer r where r.referred_by_id = c.id and r.created_at <= p.t) rf
            -- "ACTION_CODE:days;…": the latest dismissal of each action in the year before the as-of instant; and
            -- "ACTION_CODE:times:days;…": how often each was dismissed or left undone past its due date in that year, the
            -- latest days ago (a recommendation closed because the rules no longer propose it was not set aside by anyone).
            cross join lateral (
                select string_agg(x.action_code || ':' || x.days_ago, ';') filter (where x.days_ago is not null) as dismissed_actions,
                       string_agg(x.action_code || ':' || x.times || ':' || x.days_since, ';')                     as actions_set_aside
                from (select r.action_code,
                             floor(extract(epoch from p.t - max(r.closed_at) filter (where r.status = 'DISMISSED')) / 86400) as days_ago,
                             count(*)                                                                         as times,
                             floor(extract(epoch from p.t - max(r.closed_at)) / 86400)                        as days_since
                      from recommendation r
                      where r.customer_id = c.id and r.closed_at <= p.t
                        and (r.status = 'DISMISSED' or r.status = 'EXPIRED' and r.closed_at >= r.due_at)
                        and r.closed_at > p.t - interval '365 days'
                      group by r.action_code) x) dm
            where c.id = any(cast(:ids as bigint[]))
            """.formatted(
            Arrays.stream(Purpose.values()).filter(Purpose::isProactive)
                    .map(purpose -> "'" + purpose.name() + "'").collect(Collectors.joining(", ")),
            ContactCounts.WINDOWS.stream().sorted().map(days -> "g.w" + days).collect(Collectors.joining(", ")),
            ContactCounts.WINDOWS.stream().sorted()
                    .map(days -> "count(*) filter (where k.occurred_at > p.t - interval '" + days + " days') as w" + days)
                    .collect(Collectors.joining(", ")),
            ContactCounts.WINDOWS.stream().mapToInt(Integer::intValue).max().orElseThrow(),
            ContactCounts.RECENT_DAYS);

    // A custom plan of the statement takes ~15 ms to make, ten times its run, and PostgreSQL keeps making one because
    // it cannot tell a page's size in advance; the generic plan (index lookups per customer) fits every size. SET LOCAL:
    // for this transaction only.
    private static final String GENERIC_PLAN = "set local plan_cache_mode = force_generic_plan";

    private static final Jdbc STATEMENT = Jdbc.of(FACTS);

    private static final List<Integer> WINDOWS = ContactCounts.WINDOWS.stream().sorted().toList();

    @Inject
    EntityManager em;

    /** The time zone of a customer the CRM sent none for: the customer's local hours and days are read in it. */
    @ConfigProperty(name = "retention.contact.default-time-zone", defaultValue = "UTC")
    String defaultTimeZone;

    void checkTheDefaultTimeZone(@Observes StartupEvent started) {
        if (!TimeZones.isKnown(defaultTimeZone)) {
            throw new IllegalStateException("retention.contact.default-time-zone=" + defaultTimeZone
                    + " is not an IANA time zone, e.g. Europe/Moscow or UTC");
        }
    }

    /** The customer's facts at the as-of instant; empty when the customer is unknown. */
    @Transactional
    public Optional<CustomerFacts> factsFor(String customerExternalId, Instant asOf) {
        return Customer.findByExternalId(customerExternalId).map(customer -> factsFor(customer, asOf));
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
        query(customerIds, asOf).forEach(customer -> byId.put(customer.id(), customer.facts()));
        return customerIds.stream().map(byId::get).filter(facts -> facts != null).toList();
    }

    private record Identified(long id, CustomerFacts facts) {
    }

    private List<Identified> query(List<Long> ids, Instant asOf) {
        // Plain JDBC on the transaction's connection: Hibernate's mapping of a native query's ~70 columns costs more
        // than the statement's run for one customer.
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (Statement generic = connection.createStatement()) {
                generic.execute(GENERIC_PLAN);
            }
            try (PreparedStatement statement = connection.prepareStatement(STATEMENT.sql())) {
                for (int i = 0; i < STATEMENT.parameters().size(); i++) {
                    switch (STATEMENT.parameters().get(i)) {
                        case "asOf" -> statement.setObject(i + 1, asOf.atOffset(ZoneOffset.UTC));
                        case "period" -> statement.setInt(i + 1, CustomerFacts.PERIOD_DAYS);
                        default -> statement.setString(i + 1, ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")));
                    }
                }
                List<Identified> page = new ArrayList<>(ids.size());
                try (ResultSet rows = statement.executeQuery()) {
                    Row row = new Row(rows);
                    while (rows.next()) {
                        page.add(new Identified(rows.getLong("id"), facts(row, asOf, defaultTimeZone)));
                    }
                }
                return page;
            }
        });
    }

    /** The statement with JDBC's ? in place of :asOf, :period and :ids, and the names in their order. */
    private record Jdbc(String sql, List<String> parameters) {

        static Jdbc of(String named) {
            Matcher parameter = Pattern.compile("(?<![:\\w]):(asOf|period|ids)\\b").matcher(named);
            List<String> order = new ArrayList<>();
            StringBuilder sql = new StringBuilder();
            while (parameter.find()) {
                order.add(parameter.group(1));
                parameter.appendReplacement(sql, "?");
            }
            parameter.appendTail(sql);
            return new Jdbc(sql.toString(), List.copyOf(order));
        }
    }

    private static CustomerFacts facts(Row row, Instant asOf, String defaultTimeZone) {
        Rhythm orderDays = Rhythm.of(row.dates("order_days"));
        Rhythm contactDays = Rhythm.of(row.dates("contact_days"));
        return CustomerFacts.builder()
                .customerId(row.text("external_id"))
                .segment(row.text("segment"))
                .timeZone(row.text("time_zone") != null ? row.text("time_zone") : defaultTimeZone)
                .status(CustomerStatus.valueOf(row.text("status")))
                .crmStage(row.text("stage") == null ? null : RelationshipStage.valueOf(row.text("stage")))
                .asOf(asOf)
                .tenureDays(row.count("tenure_days"))
                .contacts(contactCounts(row.text("contact_counts"), row.text("outbound_recent")))
                .daysSinceLastResponse(row.decimal("days_since_last_response"))
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
                .orderDaysTotal(orderDays.days())
                .typicalOrderGapDays(orderDays.medianGap())
                .hoursSinceLastProactiveOutbound(row.integer("hours_since_last_proactive_outbound"))
                .proactiveSinceLastResponse(row.count("proactive_since_last_response"))
                .inboundLastPeriod(row.count("inbound_last_period"))
                .unansweredInboundLastPeriod(row.count("unanswered_inbound_last_period"))
                .averageResponseHoursLastPeriod(row.decimal("average_response_hours_last_period"))
                .contactDaysTotal(contactDays.days())
                .typicalContactGapDays(contactDays.medianGap())
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
                .actionsSetAside(actionsSetAside(row.text("actions_set_aside")))
                .build();
    }

    // "DIRECTION:CHANNEL:PURPOSE:n7:n30:n90:n365;…", one group per direction, channel and purpose, counts per window.
    private static ContactCounts contactCounts(String groups, String recentOutbound) {
        ContactCounts.Builder counts = ContactCounts.builder();
        if (recentOutbound != null) {
            for (String contact : recentOutbound.split("\u001e")) {
                String[] parts = contact.split("\u001f", -1);
                counts.recentOutbound(new LoggedContact(Channel.valueOf(parts[0]), Purpose.valueOf(parts[1]),
                        parts[4].isEmpty() ? null : parts[4], parts[3].isEmpty() ? null : parts[3], Long.parseLong(parts[2]) / 86_400_000d));
            }
        }
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

    // "ACTION_CODE:times:days;…": how often each action was dismissed or left to expire in the year, the latest days ago.
    private static List<ActionSetAside> actionsSetAside(String setAside) {
        List<ActionSetAside> actions = new ArrayList<>();
        if (setAside != null) {
            for (String action : setAside.split(";")) {
                String[] parts = action.split(":");
                actions.add(new ActionSetAside(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2])));
            }
        }
        return actions;
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

    /** Distinct days with an order (or a contact) and the median of the gaps in days between consecutive ones. */
    private record Rhythm(int days, Double medianGap) {

        static Rhythm of(List<LocalDate> days) {
            List<LocalDate> sorted = days.stream().sorted().toList();
            if (sorted.size() < 2) {
                return new Rhythm(sorted.size(), null);
            }
            long[] gaps = new long[sorted.size() - 1];
            for (int i = 1; i < sorted.size(); i++) {
                gaps[i - 1] = ChronoUnit.DAYS.between(sorted.get(i - 1), sorted.get(i));
            }
            Arrays.sort(gaps);
            int middle = gaps.length / 2;
            double median = gaps.length % 2 == 1 ? gaps[middle] : (gaps[middle - 1] + gaps[middle]) / 2.0;
            return new Rhythm(sorted.size(), median);
        }
    }

    /** One row of the facts statement, read by column name. */
    private record Row(ResultSet rows) {

        Integer integer(String column) {
            Object value = value(column);
            return value == null ? null : ((Number) value).intValue();
        }

        int count(String column) {
            return ((Number) value(column)).intValue();
        }

        Double decimal(String column) {
            Object value = value(column);
            return value == null ? null : ((Number) value).doubleValue();
        }

        boolean flag(String column) {
            return Boolean.TRUE.equals(value(column));
        }

        String text(String column) {
            Object value = value(column);
            return value == null ? null : value.toString();
        }

        List<LocalDate> dates(String column) {
            try {
                Array array = rows.getArray(column);
                if (array == null) {
                    return List.of();
                }
                return Arrays.stream((Object[]) array.getArray()).filter(Objects::nonNull)
                        .map(day -> ((java.sql.Date) day).toLocalDate()).toList();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        LocalDate date(String column) {
            Object value = value(column);
            return value == null ? null : ((java.sql.Date) value).toLocalDate();
        }

        private Object value(String column) {
            try {
                return rows.getObject(column);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
