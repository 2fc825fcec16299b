package com.retentionadvisor.kpis;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The counts every KPI is computed from, in SQL: the one place where what counts in a period is defined. The period
 * is half-open, [from, to): something at exactly {@code from} counts, at exactly {@code to} it belongs to the next
 * period. Customers are grouped by their current manager or segment (neither keeps a history); the overall row is
 * the only row whose key is null, since group keys never are.
 */
@ApplicationScoped
public class KpiQueries {

    private static final String PERIOD = """
            p as (select cast(:from as timestamptz) as starts_at, cast(:to as timestamptz) as ends_at)""";

    // Every customer (or those of one manager, when :manager is set), with the key and name of its group.
    private static final String BASE = """
            base as (select c.id, c.created_at, c.status, c.churned_at, %s as group_key, %s as group_name
                     from customer c left join manager m on m.id = c.manager_id
                     where :everyone or m.external_id = :manager)
            """;

    private static final String COUNTS = """
            with %s,
                 %s,
                 -- Active at the start: created by then and not churned before it. A churned customer whose churn
                 -- was never dated cannot be placed and is left out.
                 customers as (select b.*,
                                      coalesce(b.created_at <= p.starts_at
                                               and (b.status = 'ACTIVE' or b.churned_at >= p.starts_at), false) as at_start,
                                      coalesce(b.churned_at >= p.starts_at and b.churned_at < p.ends_at, false)   as churned_in_period
                               from base b, p),
                 answers as (select s.customer_id,
                                    count(s.nps)                              as nps_answers,
                                    count(*) filter (where s.nps >= 9)        as promoters,
                                    count(*) filter (where s.nps <= 6)        as detractors,
                                    count(s.csat)                             as csat_answers,
                                    count(*) filter (where s.csat >= 4)       as satisfied,
                                    count(s.csi)                              as csi_answers,
                                    sum(s.csi)                                as csi_sum
                             from (select x.customer_id, x.nps, x.csat,
                                          -- An answer's CSI: the weighted mean of its factor scores, as in the facts.
                                          (select sum((factor ->> 'score')::numeric * (factor ->> 'weight')::numeric)
                                                  / nullif(sum((factor ->> 'weight')::numeric), 0)
                                           from jsonb_array_elements(x.factors) factor) as csi
                                   from survey_response x, p
                                   where x.answered_at >= p.starts_at and x.answered_at < p.ends_at) s
                             group by s.customer_id),
                 orders as (select d.customer_id, count(*) as orders, sum(d.amount) as revenue
                            from deal d, p
                            where d.status = 'WON' and d.closed_at >= p.starts_at and d.closed_at < p.ends_at
                            group by d.customer_id),
                 contacts as (select k.customer_id, count(*) as contacts,
                                     count(*) filter (where k.direction = 'OUTBOUND' and k.purpose = 'SALES') as outbound_sales,
                                     count(*) filter (where k.direction = 'INBOUND')                          as inbound
                              from contact k, p
                              where k.occurred_at >= p.starts_at and k.occurred_at < p.ends_at
                              group by k.customer_id),
                 checks as (select x.customer_id, count(*) as checks, count(*) filter (where not x.allowed) as refused
                            from contact_check x, p
                            where x.checked_at >= p.starts_at and x.checked_at < p.ends_at
                            group by x.customer_id)
            select group_key, group_name,
                   count(*) filter (where c.at_start)                              as at_start,
                   count(*) filter (where c.at_start and c.churned_in_period)      as churned,
                   coalesce(sum(a.nps_answers), 0)                                 as nps_answers,
                   coalesce(sum(a.promoters), 0)                                   as promoters,
                   coalesce(sum(a.detractors), 0)                                  as detractors,
                   coalesce(sum(a.csat_answers), 0)                                as csat_answers,
                   coalesce(sum(a.satisfied), 0)                                   as satisfied,
                   coalesce(sum(a.csi_answers), 0)                                 as csi_answers,
                   sum(a.csi_sum)                                                  as csi_sum,
                   count(o.customer_id)                                            as buyers,
                   count(*) filter (where o.orders >= 2)                           as repeat_buyers,
                   coalesce(sum(o.orders), 0)                                      as orders,
                   coalesce(sum(o.revenue), 0)                                     as revenue,
                   count(*) filter (where k.inbound >= 1)                          as with_inbound,
                   count(*) filter (where o.orders >= 1 or k.inbound >= 1)         as active,
                   coalesce(sum(k.contacts), 0)                                    as contacts,
                   coalesce(sum(k.outbound_sales), 0)                              as outbound_sales,
                   coalesce(sum(x.checks), 0)                                      as checks,
                   coalesce(sum(x.refused), 0)                                     as refused
            from customers c
            left join answers a on a.customer_id = c.id
            left join orders o on o.customer_id = c.id
            left join contacts k on k.customer_id = c.id
            left join checks x on x.customer_id = c.id
            group by grouping sets (%s)
            order by group_key nulls first
            """;

    // A check refused twice by the same rule (two caps reached) counts once for that rule.
    private static final String REFUSALS_BY_RULE = """
            with %s,
                 %s
            select group_key, r.rule, r.code, count(distinct x.id) as refusals
            from contact_check x
            join p on x.checked_at >= p.starts_at and x.checked_at < p.ends_at
            join base b on b.id = x.customer_id
            cross join lateral jsonb_to_recordset(x.refusals) as r(rule text, code text)
            group by grouping sets (%s)
            order by group_key nulls first, refusals desc, r.rule
            """;

    @Inject
    EntityManager em;

    /** One row per group, and the overall row (key null) first; the customers of one manager alone when it is set. */
    public List<GroupCounts> counts(Instant from, Instant to, Grouping grouping, String manager) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(COUNTS.formatted(PERIOD, base(grouping), groupingSets(grouping)))
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("everyone", manager == null)
                .setParameter("manager", Objects.requireNonNullElse(manager, ""))
                .getResultList();
        return rows.stream().map(row -> new GroupCounts((String) row[0], (String) row[1],
                count(row[2]), count(row[3]), count(row[4]), count(row[5]), count(row[6]), count(row[7]), count(row[8]),
                count(row[9]), decimal(row[10]), count(row[11]), count(row[12]), count(row[13]), decimal(row[14]),
                count(row[15]), count(row[16]), count(row[17]), count(row[18]), count(row[19]), count(row[20]))).toList();
    }

    /** Refused checks per refusing rule, per group and overall (key null); of one manager's customers when it is set. */
    public List<RefusalCount> refusalsByRule(Instant from, Instant to, Grouping grouping, String manager) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(REFUSALS_BY_RULE.formatted(PERIOD, base(grouping),
                        groupingSets(grouping, "r.rule", "r.code")))
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("everyone", manager == null)
                .setParameter("manager", Objects.requireNonNullElse(manager, ""))
                .getResultList();
        return rows.stream().map(row -> new RefusalCount((String) row[0], (String) row[1], (String) row[2], count(row[3]))).toList();
    }

    private static String base(Grouping grouping) {
        if (grouping == null) {
            return BASE.formatted("cast(null as text)", "cast(null as text)");
        }
        return switch (grouping) {
            // A customer without a manager falls in the group "none".
            case MANAGER -> BASE.formatted("coalesce(m.external_id, 'none')", "m.name");
            case SEGMENT -> BASE.formatted("c.segment", "c.segment");
        };
    }

    // Without a breakdown every key is null and the one group is the overall row.
    private static String groupingSets(Grouping grouping, String... alsoBy) {
        String byGroup = Stream.concat(Stream.of("group_key", "group_name"), Arrays.stream(alsoBy)).collect(Collectors.joining(", "));
        String overall = String.join(", ", alsoBy);
        return grouping == null ? "(" + byGroup + ")" : "(" + byGroup + "), (" + overall + ")";
    }

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Double decimal(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    /** What one group's KPIs are computed from; key and name null for the overall row. */
    public record GroupCounts(String key, String name, long atStart, long churned,
            long npsAnswers, long promoters, long detractors, long csatAnswers, long satisfied,
            long csiAnswers, Double csiSum, long buyers, long repeatBuyers, long orders, Double revenue,
            long withInbound, long active, long contacts, long outboundSales, long checks, long refused) {

        /** An empty base: no customers, so no rows at all without a breakdown. */
        static final GroupCounts NONE = new GroupCounts(null, null, 0, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, 0, 0.0, 0, 0, 0, 0, 0, 0);
    }

    /** How many checks one rule refused in a group; key null for the overall row. */
    public record RefusalCount(String key, String rule, String code, long refusals) {
    }
}
