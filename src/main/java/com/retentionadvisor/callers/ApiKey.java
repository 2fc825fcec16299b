package com.retentionadvisor.callers;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A machine caller's key, kept as its SHA-256 hash: the key itself is shown once, when it is issued. */
@Entity
@Table(name = "api_key")
public class ApiKey extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_key_seq")
    @SequenceGenerator(name = "api_key_seq", sequenceName = "api_key_seq", allocationSize = 1)
    public Long id;

    public String name;

    public String role;

    /** The key's first characters: found by them, and shown in lists to tell keys apart. */
    public String prefix;

    @Column(name = "key_hash")
    public byte[] keyHash;

    /** For a manager's key: the manager whose customers it sees. */
    @Column(name = "manager_external_id")
    public String managerExternalId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    public static List<ApiKey> listActiveByPrefix(String prefix) {
        return list("prefix = ?1 and revokedAt is null", prefix);
    }

    public static Optional<ApiKey> findActiveByName(String name) {
        return find("name = ?1 and revokedAt is null", name).firstResultOptional();
    }

    public static Optional<ApiKey> findByHash(byte[] hash) {
        return find("keyHash", (Object) hash).firstResultOptional();
    }

    public static boolean anyActiveAdmin() {
        return count("role = ?1 and revokedAt is null", Roles.ADMIN) > 0;
    }

    /** Every key, revoked ones too, the newest first. */
    public static List<ApiKey> listNewestFirst() {
        return list("order by createdAt desc, id desc");
    }
}
