package com.retentionadvisor.subscriptions;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import com.retentionadvisor.customers.CustomerHistoryRecord;

/** A subscription or contract; its end is what renewal reminders and surveys are timed against. */
@Entity
@Table(name = "subscription")
public class Subscription extends CustomerHistoryRecord {

    public String product;

    @Column(name = "starts_on")
    public LocalDate startsOn;

    @Column(name = "ends_on")
    public LocalDate endsOn;

    @Column(name = "auto_renew")
    public boolean autoRenew;

    public boolean annual;
}
