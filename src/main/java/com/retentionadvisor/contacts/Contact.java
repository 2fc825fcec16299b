package com.retentionadvisor.contacts;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import com.retentionadvisor.customers.CustomerHistoryRecord;
import com.retentionadvisor.customers.Manager;

/** One interaction with a customer. */
@Entity
@Table(name = "contact")
public class Contact extends CustomerHistoryRecord {

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "manager_id")
    public Manager manager;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    public Direction direction;

    @Enumerated(EnumType.STRING)
    public Purpose purpose;

    public String outcome;

    /** The person within the account it was with; null: the account as a whole. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "person_id")
    public ContactPerson person;

    /** The campaign or message type it belongs to; null when none. */
    public String campaign;

    /** When we answered an inbound request; response speed is a churn sign (seed 001). */
    @Column(name = "responded_at")
    public Instant respondedAt;
}
