package com.retentionadvisor.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;

/** One row of the audit log: who did what to which customer or ruleset, when, in which request. Never changed. */
@Entity
@Table(name = "audit_log")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_log_seq")
    @SequenceGenerator(name = "audit_log_seq", sequenceName = "audit_log_seq", allocationSize = 50)
    public Long id;

    public Instant at;

    public String actor;

    @Enumerated(EnumType.STRING)
    public AuditAction action;

    public String subject;

    @Column(name = "request_id")
    public String requestId;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> detail;

    /** Rows newest first, narrowed by subject, action and the window [from, to) when given. */
    public static PanacheQuery<AuditEntry> findListed(String subject, AuditAction action, Instant from, Instant to, int page, int size) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (subject != null) {
            clauses.add("subject = :subject");
            parameters.put("subject", subject);
        }
        if (action != null) {
            clauses.add("action = :action");
            parameters.put("action", action);
        }
        if (from != null) {
            clauses.add("at >= :from");
            parameters.put("from", from);
        }
        if (to != null) {
            clauses.add("at < :to");
            parameters.put("to", to);
        }
        String where = clauses.isEmpty() ? "" : "where " + String.join(" and ", clauses) + " ";
        return AuditEntry.<AuditEntry>find("from AuditEntry " + where + "order by at desc, id desc", parameters).page(Page.of(page, size));
    }
}
