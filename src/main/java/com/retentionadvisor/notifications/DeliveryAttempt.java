package com.retentionadvisor.notifications;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One attempt to deliver an outbox row: the delivery log. */
@Entity
@Table(name = "notification_delivery")
public class DeliveryAttempt extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_delivery_seq")
    @SequenceGenerator(name = "notification_delivery_seq", sequenceName = "notification_delivery_seq", allocationSize = 50)
    public Long id;

    @Column(name = "outbox_id")
    public long outboxId;

    /** 1 for the first attempt. */
    public int attempt;

    @Column(name = "attempted_at")
    public Instant attemptedAt;

    /** What the CRM answered; null when no answer came (refused, timed out). */
    @Column(name = "http_status")
    public Integer httpStatus;

    /** Why the attempt failed; null when it was delivered. */
    public String error;

    @Column(name = "duration_ms")
    public int durationMs;

    public static List<DeliveryAttempt> listFor(Collection<Long> outboxIds) {
        return outboxIds.isEmpty() ? List.of() : list("outboxId in ?1 order by outboxId, attempt", outboxIds);
    }
}
