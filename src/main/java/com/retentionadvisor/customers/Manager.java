package com.retentionadvisor.customers;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import com.retentionadvisor.ingest.IngestedRecord;

/** An account manager: owns customers and acts on the advice. */
@Entity
@Table(name = "manager")
public class Manager extends IngestedRecord {

    public String name;

    public String email;
}
