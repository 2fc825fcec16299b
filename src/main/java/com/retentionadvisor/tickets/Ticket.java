package com.retentionadvisor.tickets;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import com.retentionadvisor.customers.CustomerHistoryRecord;

/** A support ticket: open complaints and unresolved problems are churn signs and restrict outbound contact. */
@Entity
@Table(name = "ticket")
public class Ticket extends CustomerHistoryRecord {

    @Column(name = "opened_at")
    public Instant openedAt;

    /** Null while the ticket is open. */
    @Column(name = "closed_at")
    public Instant closedAt;

    @Enumerated(EnumType.STRING)
    public TicketKind kind;

    @Enumerated(EnumType.STRING)
    public Severity severity;
}
