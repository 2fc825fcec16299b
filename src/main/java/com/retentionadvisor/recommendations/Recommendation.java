package com.retentionadvisor.recommendations;

import java.time.Instant;
import java.util.List;

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

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import com.retentionadvisor.contacts.Purpose;
import com.retentionadvisor.customers.Customer;
import com.retentionadvisor.customers.Manager;
import com.retentionadvisor.customers.RelationshipStage;
import com.retentionadvisor.rules.RiskLevel;

/** An action from an advice, as work for its owner, with its life from proposed to done, dismissed or expired. */
@Entity
@Table(name = "recommendation")
public class Recommendation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "recommendation_seq")
    @SequenceGenerator(name = "recommendation_seq", sequenceName = "recommendation_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    public Customer customer;

    @Column(name = "action_code")
    public String actionCode;

    @Enumerated(EnumType.STRING)
    public Purpose purpose;

    /** The manager who owns it, when the action terms give it to the customer's manager. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_manager_id")
    public Manager ownerManager;

    /** The team that owns it (e.g. RENEWALS_DESK), when the action terms give it to a team. */
    @Column(name = "owner_team")
    public String ownerTeam;

    @Enumerated(EnumType.STRING)
    public RecommendationStatus status;

    public int priority;

    public int rank;

    public String title;

    public String reason;

    public String rule;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_level")
    public RiskLevel riskLevel;

    @Enumerated(EnumType.STRING)
    public RelationshipStage stage;

    @Column(name = "ruleset_version")
    public String rulesetVersion;

    @Column(name = "proposed_at")
    public Instant proposedAt;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "dismiss_reason")
    public DismissReason dismissReason;

    public String note;

    /** Whether the recommendation is on a customer currently assigned to the manager. */
    public static boolean isOnCustomerOf(long id, String managerExternalId) {
        return count("id = ?1 and customer.manager.externalId = ?2", id, managerExternalId) > 0;
    }

    public static List<Recommendation> listOpenFor(Customer customer) {
        return list("customer = ?1 and status in ?2 order by rank desc, dueAt, id", customer, RecommendationStatus.OPEN);
    }

    public static List<Recommendation> listFor(Customer customer) {
        return list("customer = ?1 order by proposedAt, id", customer);
    }
}
