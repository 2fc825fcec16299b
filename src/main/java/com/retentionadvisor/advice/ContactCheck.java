package com.retentionadvisor.advice;

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

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import com.retentionadvisor.contacts.Channel;
import com.retentionadvisor.contacts.Direction;
import com.retentionadvisor.contacts.Purpose;
import com.retentionadvisor.customers.Customer;
import com.retentionadvisor.rules.ContactIntent;
import com.retentionadvisor.rules.ContactRefusal;
import com.retentionadvisor.rules.Evaluation;

/** A contact check as it was answered, kept so that refusals can be counted (KPIs) and traced to their rules. */
@Entity
@Table(name = "contact_check")
public class ContactCheck extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contact_check_seq")
    @SequenceGenerator(name = "contact_check_seq", sequenceName = "contact_check_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    public Customer customer;

    /** When the check was answered. */
    @Column(name = "checked_at")
    public Instant checkedAt;

    /** The instant the history was seen as of: now, or the asOf asked. */
    @Column(name = "as_of")
    public Instant asOf;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    public Purpose purpose;

    @Enumerated(EnumType.STRING)
    public Direction direction;

    /** The campaign or message type checked; null when none was named. */
    public String campaign;

    /** The person of the account checked; null for the account as a whole. */
    @Column(name = "person_external_id")
    public String personExternalId;

    public boolean allowed;

    /** One element per refusal; empty when the contact was allowed. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Refusal> refusals;

    @Column(name = "ruleset_version")
    public String rulesetVersion;

    /** A rule that refused the contact, by its name and its refusal code. */
    public record Refusal(String rule, String code) {
    }

    /** Stores the check answered now for the customer, in the caller's transaction. */
    static void record(Customer customer, ContactIntent intent, Instant asOf, Evaluation evaluation) {
        ContactCheck check = new ContactCheck();
        check.customer = customer;
        check.checkedAt = Instant.now();
        check.asOf = asOf;
        check.channel = intent.getChannel();
        check.purpose = intent.getPurpose();
        check.direction = intent.getDirection();
        check.campaign = intent.getCampaign();
        check.personExternalId = intent.getPerson();
        check.refusals = evaluation.all(ContactRefusal.class).stream()
                .map(refusal -> new Refusal(refusal.getRule(), refusal.getCode()))
                .toList();
        check.allowed = check.refusals.isEmpty();
        check.rulesetVersion = evaluation.rulesetVersion();
        check.persist();
    }
}
