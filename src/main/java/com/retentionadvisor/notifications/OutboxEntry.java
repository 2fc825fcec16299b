package com.retentionadvisor.notifications;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;

/** An event queued for the CRM's webhook, with where its delivery stands. Written only by {@link #queue}. */
@Entity
@Table(name = "notification_outbox")
public class OutboxEntry extends PanacheEntityBase {

    @Id
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "event_type")
    public NotificationEvent eventType;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    /** The JSON body the CRM receives. */
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode payload;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    public int attempts;

    @Enumerated(EnumType.STRING)
    public OutboxStatus status;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    /**
     * Queues an event unless one with the same key was ever queued; answers whether it was. Joins the caller's
     * transaction, so the row commits or rolls back with whatever caused it.
     */
    public static boolean queue(NotificationEvent event, String idempotencyKey, String payloadJson, Instant now) {
        int inserted = getEntityManager().createNativeQuery("""
                insert into notification_outbox (id, event_type, idempotency_key, payload, created_at, next_attempt_at, attempts, status)
                values (nextval('notification_outbox_seq'), :event, :key, cast(:payload as jsonb), :now, :now, 0, 'PENDING')
                on conflict (idempotency_key) do nothing""")
                .setParameter("event", event.name())
                .setParameter("key", idempotencyKey)
                .setParameter("payload", payloadJson)
                .setParameter("now", now)
                .executeUpdate();
        return inserted == 1;
    }

    /**
     * The oldest pending row that is due, locked for this transaction; a row another instance holds is skipped, so
     * two instances never deliver the same row.
     */
    public static Optional<OutboxEntry> lockNextDue(Instant now) {
        return getEntityManager().createNativeQuery("""
                select * from notification_outbox
                where status = 'PENDING' and next_attempt_at <= :now
                order by next_attempt_at, id
                limit 1
                for update skip locked""", OutboxEntry.class)
                .setParameter("now", now)
                .getResultStream()
                .findFirst()
                .map(OutboxEntry.class::cast);
    }

    /** Rows newest first, narrowed by status, event and key when given. */
    public static PanacheQuery<OutboxEntry> findListed(OutboxStatus status, NotificationEvent event, String key, int page, int size) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (status != null) {
            clauses.add("status = :status");
            parameters.put("status", status);
        }
        if (event != null) {
            clauses.add("eventType = :event");
            parameters.put("event", event);
        }
        if (key != null) {
            clauses.add("idempotencyKey = :key");
            parameters.put("key", key);
        }
        String where = clauses.isEmpty() ? "" : "where " + String.join(" and ", clauses) + " ";
        return OutboxEntry.<OutboxEntry>find("from OutboxEntry " + where + "order by id desc", parameters).page(Page.of(page, size));
    }
}
