package com.retentionadvisor.backtest;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * What happened after the cut-off, and who is left out of a back-test: the one place where both are defined, in SQL.
 * The outcome window is (cutoff, until]; activity "before the cut-off" includes the cut-off instant, as facts do.
 */
@ApplicationScoped
public class BacktestOutcomes {

    private static final String OUTCOMES = """
            with p as (select cast(:cutoff as timestamptz) as t, cast(:until as timestamptz) as u)
            select c.external_id,
                   case
                     when c.created_at > p.t then 'CREATED_AFTER_CUTOFF'
                     when not (exists (select 1 from contact x where x.customer_id = c.id and x.occurred_at <= p.t)
                            or exists (select 1 from deal x where x.customer_id = c.id and x.opened_at <= p.t)
                            or exists (select 1 from survey_response x where x.customer_id = c.id and x.answered_at <= p.t)
                            or exists (select 1 from email_event x where x.customer_id = c.id and x.occurred_at <= p.t)
                            or exists (select 1 from ticket x where x.customer_id = c.id and x.opened_at <= p.t))
                       then 'NO_ACTIVITY_BEFORE_CUTOFF'
                     when c.churned_at <= p.t then 'CHURNED_BY_CUTOFF'
                     when c.status = 'CHURNED' and c.churned_at is null then 'CHURNED_WHEN_UNKNOWN'
                   end as exclusion,
                   case cast(:outcome as text)
                     when 'NO_ORDER' then not exists (select 1 from deal d where d.customer_id = c.id and d.status = 'WON'
                                                       and d.closed_at > p.t and d.closed_at <= p.u)
                     when 'CHURNED' then coalesce(c.churned_at > p.t and c.churned_at <= p.u, false)
                   end as positive
            from customer c, p
            """;

    @Inject
    EntityManager em;

    /** Every customer of the base by external id: excluded with the reason, or whether the outcome followed. */
    @Transactional
    public Map<String, CustomerOutcome> of(Instant cutoff, Instant until, Outcome outcome) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(OUTCOMES)
                .setParameter("cutoff", cutoff)
                .setParameter("until", until)
                .setParameter("outcome", outcome.name())
                .getResultList();
        Map<String, CustomerOutcome> outcomes = new HashMap<>();
        for (Object[] row : rows) {
            String customerId = (String) row[0];
            Exclusion exclusion = row[1] == null ? null : Exclusion.valueOf((String) row[1]);
            outcomes.put(customerId, new CustomerOutcome(customerId, exclusion, Boolean.TRUE.equals(row[2])));
        }
        return outcomes;
    }
}
