package com.retentionadvisor.customers;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import com.retentionadvisor.records.IngestedRecord;

/** An account manager: owns customers and acts on the advice. */
@Entity
@Table(name = "manager")
public class Manager extends IngestedRecord {

    public String name;

    public String email;

    public static Optional<Manager> findByExternalId(String externalId) {
        return find("externalId", externalId).firstResultOptional();
    }

    /** The first {@code limit} managers by name, for a person to pick from. */
    public static List<Manager> listByName(int limit) {
        return find("order by name, externalId").page(0, limit).list();
    }
}
