package com.retentionadvisor.deals;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import com.retentionadvisor.customers.Customer;
import com.retentionadvisor.ingest.IngestedRecord;

/** A deal; a WON deal is an order, dated by when it closed. */
@Entity
@Table(name = "deal")
public class Deal extends IngestedRecord {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    public Customer customer;

    public BigDecimal amount;

    /** ISO 4217 code. */
    public String currency;

    @Enumerated(EnumType.STRING)
    public DealStatus status;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "product_line")
    public String productLine;
}
