package com.retentionadvisor.rulesets;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One time a ruleset version was made live; the newest is the live one. */
@Entity
@Table(name = "ruleset_activation")
public class RulesetActivation extends PanacheEntityBase {

    /** Why a version went live. */
    public enum Reason { START, FOLDER_CHANGE, PUBLISH, ROLLBACK }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String version;

    @Column(name = "activated_at")
    public Instant activatedAt;

    @Column(name = "activated_by")
    public String activatedBy;

    @Enumerated(EnumType.STRING)
    public Reason reason;

    public static Optional<RulesetActivation> latest() {
        return find("order by id desc").firstResultOptional();
    }
}
