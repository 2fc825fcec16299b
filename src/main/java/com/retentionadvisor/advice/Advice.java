package com.retentionadvisor.advice;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import com.retentionadvisor.customers.Customer;
import com.retentionadvisor.customers.RelationshipStage;
import com.retentionadvisor.rules.RiskLevel;

/** An advice as it was given, kept for audit: which ruleset version and which rules produced it. */
@Entity
@Table(name = "advice")
public class Advice extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "advice_seq")
    @SequenceGenerator(name = "advice_seq", sequenceName = "advice_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    public Customer customer;

    @Column(name = "as_of")
    public Instant asOf;

    @Column(name = "evaluated_at")
    public Instant evaluatedAt;

    @Column(name = "risk_score")
    public int riskScore;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_level")
    public RiskLevel riskLevel;

    @Enumerated(EnumType.STRING)
    public RelationshipStage stage;

    @Column(name = "ruleset_version")
    public String rulesetVersion;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "fired_rules")
    public java.util.List<String> firedRules;

    /** The advice exactly as answered. */
    @JdbcTypeCode(SqlTypes.JSON)
    public AdviceView body;

    /**
     * The risk level of each customer's latest stored advice, by customer id (customers without one are absent): one
     * statement for a page of customers, reading the level alone, never the stored body.
     */
    @SuppressWarnings("unchecked")
    public static java.util.Map<Long, RiskLevel> latestLevelsOf(java.util.Collection<Long> customerIds) {
        java.util.Map<Long, RiskLevel> levels = new java.util.HashMap<>();
        if (customerIds.isEmpty()) {
            return levels;
        }
        java.util.List<Object[]> rows = getEntityManager().createNativeQuery("""
                select distinct on (customer_id) customer_id, risk_level from advice
                where customer_id = any(cast(?1 as bigint[])) order by customer_id, evaluated_at desc, id desc""")
                .setParameter(1, customerIds.toArray(Long[]::new))
                .getResultList();
        for (Object[] row : rows) {
            levels.put(((Number) row[0]).longValue(), RiskLevel.valueOf((String) row[1]));
        }
        return levels;
    }

    public static java.util.Optional<Advice> latestFor(Customer customer) {
        return find("customer = ?1 order by evaluatedAt desc, id desc", customer).firstResultOptional();
    }

    /** The customer's risk over time: the newest {@code limit} stored advices, in the order of their as-of instants. */
    public static java.util.List<RiskPoint> riskHistoryFor(Customer customer, int limit) {
        java.util.List<RiskPoint> points = new java.util.ArrayList<>(find("customer = ?1 order by asOf desc, id desc", customer)
                .project(RiskPoint.class).page(0, limit).list());
        java.util.Collections.reverse(points);
        return points;
    }

    public static long countFor(Customer customer) {
        return count("customer", customer);
    }
}
