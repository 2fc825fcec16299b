package com.retentionadvisor.records;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.SequenceGenerator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A row that mirrors a CRM record: its external id and a hash of what the CRM last sent, so a resend changes nothing. */
@MappedSuperclass
public abstract class IngestedRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ingested_record_seq")
    @SequenceGenerator(name = "ingested_record_seq", sequenceName = "ingested_record_seq", allocationSize = 50)
    public Long id;

    @Column(name = "external_id", nullable = false, updatable = false)
    public String externalId;

    @Column(name = "source_hash", nullable = false)
    public String sourceHash;
}
