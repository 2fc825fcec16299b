package com.retentionadvisor.globalfacts;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A fact about the whole market that an operator sets and clears, such as MARKET_CRISIS. */
@Entity
@Table(name = "global_fact")
public class GlobalFact extends PanacheEntityBase {

    @Id
    public String name;

    public boolean active;

    public String note;

    @Column(name = "changed_at")
    public Instant changedAt;

    @Column(name = "changed_by")
    public String changedBy;

    public static List<GlobalFact> findActive() {
        return list("active", true);
    }

    /** The facts active now that were last changed at or before the instant: they were active then too. */
    public static List<GlobalFact> findActiveSince(Instant instant) {
        return list("active = true and changedAt <= ?1", instant);
    }
}
