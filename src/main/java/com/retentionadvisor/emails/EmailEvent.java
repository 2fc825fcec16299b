package com.retentionadvisor.emails;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import com.retentionadvisor.contacts.ContactPerson;
import com.retentionadvisor.customers.CustomerHistoryRecord;

/** What happened to an email of a campaign: sent, opened, clicked, … An email is identified by its campaign. */
@Entity
@Table(name = "email_event")
public class EmailEvent extends CustomerHistoryRecord {

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Enumerated(EnumType.STRING)
    public EmailEventType type;

    public String campaign;

    /** The person within the account it was with; null: the account as a whole. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "person_id")
    public ContactPerson person;
}
