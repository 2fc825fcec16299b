package com.retentionadvisor.deals;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import com.retentionadvisor.customers.CustomerHistoryRecord;

/** A deal; a WON deal is an order, dated by when it closed. */
@Entity
@Table(name = "deal")
public class Deal extends CustomerHistoryRecord {

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
