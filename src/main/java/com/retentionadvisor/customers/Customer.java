package com.retentionadvisor.customers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import com.retentionadvisor.ingest.IngestedRecord;

@Entity
@Table(name = "customer")
public class Customer extends IngestedRecord {

    public String name;

    /** The CRM's segment (B2B/B2C, tier, …); rules may treat segments differently. */
    public String segment;

    @Column(name = "created_at")
    public Instant createdAt;

    @Enumerated(EnumType.STRING)
    public CustomerStatus status;

    /** The stage the CRM set, if any; otherwise the rules infer one. */
    @Enumerated(EnumType.STRING)
    public RelationshipStage stage;

    public LocalDate birthday;

    /** The current owner of the account. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "manager_id")
    public Manager manager;

    /** The customer who referred this one, if any: a referral given counts as a strength of the referrer. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "referred_by_id")
    public Customer referredBy;

    public static Optional<Customer> findByExternalId(String externalId) {
        return find("externalId", externalId).firstResultOptional();
    }
}
