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

import com.retentionadvisor.records.IngestedRecord;

@Entity
@Table(name = "customer")
public class Customer extends IngestedRecord {

    public String name;

    /** The CRM's segment (B2B/B2C, tier, …); rules may treat segments differently. */
    public String segment;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The customer's IANA time zone (Europe/Moscow); null: the advisor's default (retention.contact.default-time-zone). */
    @Column(name = "time_zone")
    public String timeZone;

    @Enumerated(EnumType.STRING)
    public CustomerStatus status;

    /** When the customer churned; null while active, or when nobody recorded when. */
    @Column(name = "churned_at")
    public Instant churnedAt;

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

    /** The status as it was at the instant: a customer who churned later was still active then. */
    public CustomerStatus statusAt(Instant asOf) {
        return status == CustomerStatus.CHURNED && churnedAt != null && churnedAt.isAfter(asOf) ? CustomerStatus.ACTIVE : status;
    }

    public static Optional<Customer> findByExternalId(String externalId) {
        return find("externalId", externalId).firstResultOptional();
    }

    /** Whether the customer is currently assigned to the manager. */
    public static boolean isManagedBy(String externalId, String managerExternalId) {
        return count("externalId = ?1 and manager.externalId = ?2", externalId, managerExternalId) > 0;
    }
}
