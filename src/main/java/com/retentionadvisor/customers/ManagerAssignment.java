package com.retentionadvisor.customers;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;


/** Who owned the account when; an assignment that follows an earlier one is a manager change. */
@Entity
@Table(name = "manager_assignment")
public class ManagerAssignment extends CustomerHistoryRecord {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "manager_id")
    public Manager manager;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    /** Whether the previous owner handed the account over in a proper meeting. */
    public boolean handover;
}
