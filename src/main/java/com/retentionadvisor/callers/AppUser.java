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

/** A person who signs in to the web page with a password, kept as a bcrypt hash. */
@Entity
@Table(name = "app_user")
public class AppUser extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
    @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 1)
    public Long id;

    public String username;

    @Column(name = "password_hash")
    public String passwordHash;

    public String role;

    /** For a manager: the manager (by the CRM's id) whose customers they see. */
    @Column(name = "manager_external_id")
    public String managerExternalId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    public static Optional<AppUser> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public static Optional<AppUser> findActiveByUsername(String username) {
        return find("username = ?1 and disabledAt is null", username).firstResultOptional();
    }

    public static List<AppUser> listByUsername() {
        return list("order by username");
    }

    public static boolean anyActiveAdmin() {
        return count("role = ?1 and disabledAt is null", Roles.ADMIN) > 0;
    }
}
