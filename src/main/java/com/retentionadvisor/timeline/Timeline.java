package com.retentionadvisor.timeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.retentionadvisor.audit.AuditAction;
import com.retentionadvisor.audit.AuditLog;
import com.retentionadvisor.customers.Customer;

/**
 * The customer card's history (seed 004): contacts, deals and orders, surveys, email events, tickets, the risk of
 * every stored advice and the recommendations, in one list, newest first.
 */
@ApplicationScoped
public class Timeline {

    public static final int MAX_ENTRIES = 1000;

    /** One thing that happened: when, what kind, a line to read, and a detail. */
    public record Entry(Instant at, String kind, String summary, String detail) {
    }

    /** The customer's timeline, newest first. */
    public record CustomerTimeline(String customerId, String name, List<Entry> entries) {
    }

    // One statement over every table of the history; each branch says what its rows mean in a line.
    private static final String ENTRIES = """
            select * from (
              select occurred_at as at, 'CONTACT' as kind,
                     initcap(lower(direction)) || ' ' || lower(channel) || ', ' || lower(purpose) as summary, outcome as detail
                from contact where customer_id = :customer
              union all
              select coalesce(closed_at, opened_at), case when status = 'WON' then 'ORDER' else 'DEAL' end,
                     'Deal ' || lower(status) || ': ' || coalesce(amount::text, '?') || ' ' || currency, product_line
                from deal where customer_id = :customer
              union all
              select answered_at, 'SURVEY',
                     concat_ws(', ', 'NPS ' || nps, 'CSAT ' || csat), comment
                from survey_response where customer_id = :customer
              union all
              select occurred_at, 'EMAIL', 'Email ' || lower(type), campaign
                from email_event where customer_id = :customer
              union all
              select opened_at, 'TICKET', initcap(lower(kind)) || ' (' || lower(severity) || ')' ||
                     case when closed_at is null then ', open' else ', closed' end, null
                from ticket where customer_id = :customer
              union all
              select evaluated_at, 'RISK', 'Risk ' || coalesce(risk_level, 'none') || ', score ' || risk_score ||
                     coalesce(', ' || lower(stage), ''), 'ruleset ' || ruleset_version
                from advice where customer_id = :customer
              union all
              select updated_at, 'RECOMMENDATION', title || ': ' || lower(status), coalesce(note, reason)
                from recommendation where customer_id = :customer
            ) history
            order by at desc
            limit :limit
            """;

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    /** The timeline as the API hands it to a reader, the read written to the audit log; empty when the customer is unknown. */
    @Transactional
    public Optional<CustomerTimeline> read(String customerExternalId, int limit) {
        Optional<CustomerTimeline> read = of(customerExternalId, limit);
        read.ifPresent(found -> audit.record(AuditAction.CUSTOMER_CARD_READ, found.customerId(),
                Map.of("via", "GET /api/customers/{externalId}/timeline")));
        return read;
    }

    /** The newest {@code limit} entries of the customer's history; empty when the customer is unknown. */
    @Transactional
    @SuppressWarnings("unchecked")
    public Optional<CustomerTimeline> of(String customerExternalId, int limit) {
        return Customer.findByExternalId(customerExternalId).map(customer -> {
            List<Object[]> rows = em.createNativeQuery(ENTRIES)
                    .setParameter("customer", customer.id)
                    .setParameter("limit", limit)
                    .getResultList();
            List<Entry> entries = rows.stream()
                    .map(row -> new Entry(instant(row[0]), (String) row[1], (String) row[2], (String) row[3]))
                    .toList();
            return new CustomerTimeline(customer.externalId, customer.name, entries);
        });
    }

    private static Instant instant(Object value) {
        return value instanceof Instant instant ? instant : value instanceof java.time.OffsetDateTime offset
                ? offset.toInstant() : ((java.sql.Timestamp) value).toInstant();
    }
}
