package com.retentionadvisor.recommendations;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.retentionadvisor.advice.AdviceView;
import com.retentionadvisor.audit.AuditAction;
import com.retentionadvisor.audit.AuditLog;
import com.retentionadvisor.contacts.Channel;
import com.retentionadvisor.contacts.Contact;
import com.retentionadvisor.contacts.Direction;
import com.retentionadvisor.contacts.Purpose;
import com.retentionadvisor.customers.Customer;
import com.retentionadvisor.problems.ConflictException;
import com.retentionadvisor.problems.InvalidInputException;
import com.retentionadvisor.rules.ActionRouting;

/**
 * Turns the actions of an advice into recommendations for their owners and carries them through their life. A
 * re-evaluation updates an open recommendation (priority, reason) rather than proposing it again, and expires what
 * the rules no longer propose or what is past its due date.
 */
@ApplicationScoped
public class RecommendationService {

    @Inject
    AuditLog audit;

    /** What one re-evaluation changed, and the recommendations it created (to notify their owners). */
    public record SyncResult(int created, int updated, int expired, List<Recommendation> createdRecommendations) {
    }

    /** Brings the customer's open recommendations in line with an advice given now. Call inside a transaction. */
    public SyncResult sync(Customer customer, AdviceView advice, Instant now) {
        Map<String, Recommendation> open = new HashMap<>();
        int expired = 0;
        for (Recommendation recommendation : Recommendation.listOpenFor(customer)) {
            if (recommendation.dueAt.isBefore(now)) {
                close(recommendation, RecommendationStatus.EXPIRED, now, "past its due date");
                expired++;
            } else {
                open.put(recommendation.actionCode, recommendation);
            }
        }
        int updated = 0;
        List<Recommendation> created = new ArrayList<>();
        Set<String> proposed = advice.actions().stream().map(AdviceView.Action::code).collect(Collectors.toSet());
        for (AdviceView.Action action : advice.actions()) {
            Recommendation recommendation = open.get(action.code());
            if (recommendation == null) {
                recommendation = new Recommendation();
                recommendation.customer = customer;
                recommendation.actionCode = action.code();
                recommendation.status = RecommendationStatus.PROPOSED;
                recommendation.proposedAt = now;
                // Every proposed action has terms: the rules' action terms, its own row or the row of *.
                recommendation.dueAt = now.plus(Duration.ofDays(action.dueInDays()));
                created.add(recommendation);
            } else {
                updated++;
            }
            recommendation.purpose = Purpose.valueOf(action.purpose());
            route(recommendation, customer, action.owner());
            recommendation.priority = action.priority();
            recommendation.rank = action.rank();
            recommendation.title = action.title();
            recommendation.reason = action.reason();
            recommendation.rule = action.rule();
            recommendation.riskLevel = advice.risk().level();
            recommendation.stage = advice.stage();
            recommendation.rulesetVersion = advice.rulesetVersion();
            recommendation.updatedAt = now;
            recommendation.persist();
        }
        for (Recommendation recommendation : open.values()) {
            if (!proposed.contains(recommendation.actionCode)) {
                close(recommendation, RecommendationStatus.EXPIRED, now, "no longer proposed by the rules");
                expired++;
            }
        }
        return new SyncResult(created.size(), updated, expired, created);
    }

    @Transactional
    public Optional<RecommendationView> find(long id) {
        return Recommendation.<Recommendation>findByIdOptional(id).map(RecommendationView::of);
    }

    /** The owner takes it on. */
    @Transactional
    public Optional<RecommendationView> accept(long id) {
        return Recommendation.<Recommendation>findByIdOptional(id).map(recommendation -> {
            requireStatus(recommendation, "accept", RecommendationStatus.PROPOSED);
            recommendation.status = RecommendationStatus.ACCEPTED;
            recommendation.updatedAt = Instant.now();
            audited(AuditAction.RECOMMENDATION_ACCEPTED, recommendation, Map.of());
            return RecommendationView.of(recommendation);
        });
    }

    /** Carried out: recorded as an outbound contact of the action's purpose, so contact limits and ratios count it. */
    @Transactional
    public Optional<RecommendationView> done(long id, Channel channel, String note) {
        if (channel == null) {
            throw InvalidInputException.of("channel", "say how it was carried out: one of EMAIL, PHONE, MEETING, MESSENGER, CHAT, SMS, EVENT");
        }
        return Recommendation.<Recommendation>findByIdOptional(id).map(recommendation -> {
            RecommendationStatus before = recommendation.status;
            requireStatus(recommendation, "mark done", RecommendationStatus.PROPOSED, RecommendationStatus.ACCEPTED);
            Instant now = Instant.now();
            close(recommendation, RecommendationStatus.DONE, now, note);
            Contact contact = new Contact();
            contact.externalId = "recommendation-" + recommendation.id;
            contact.sourceHash = "recommendation";
            contact.customer = recommendation.customer;
            contact.manager = recommendation.ownerManager;
            contact.occurredAt = now;
            contact.channel = channel;
            contact.direction = Direction.OUTBOUND;
            contact.purpose = recommendation.purpose;
            String outcome = "done: " + recommendation.actionCode + (note == null ? "" : " — " + note.strip());
            contact.outcome = outcome.length() <= 500 ? outcome : outcome.substring(0, 499) + "…";
            contact.persist();
            audited(AuditAction.RECOMMENDATION_DONE, recommendation, Map.of("channel", channel.name(), "from", before.name()));
            return RecommendationView.of(recommendation);
        });
    }

    /** Not to be done, with a reason; the rules keep it away for as long as its terms say. */
    @Transactional
    public Optional<RecommendationView> dismiss(long id, DismissReason reason, String note) {
        if (reason == null) {
            throw InvalidInputException.of("reason", "give a reason: one of NOT_RELEVANT, ALREADY_DONE, CUSTOMER_ASKED_NOT_TO, WRONG_TIMING, NO_CAPACITY, OTHER");
        }
        if (reason == DismissReason.OTHER && (note == null || note.isBlank())) {
            throw InvalidInputException.of("note", "say why in a note when the reason is OTHER");
        }
        return Recommendation.<Recommendation>findByIdOptional(id).map(recommendation -> {
            RecommendationStatus before = recommendation.status;
            requireStatus(recommendation, "dismiss", RecommendationStatus.PROPOSED, RecommendationStatus.ACCEPTED);
            close(recommendation, RecommendationStatus.DISMISSED, Instant.now(), note);
            recommendation.dismissReason = reason;
            audited(AuditAction.RECOMMENDATION_DISMISSED, recommendation, Map.of("reason", reason.name(), "from", before.name()));
            return RecommendationView.of(recommendation);
        });
    }

    // Who changed which recommendation, under its customer: what happened to a customer reads as one list.
    private void audited(AuditAction action, Recommendation recommendation, Map<String, Object> particulars) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("recommendationId", recommendation.id);
        detail.put("actionCode", recommendation.actionCode);
        detail.putAll(particulars);
        audit.record(action, recommendation.customer.externalId, detail);
    }

    private static void route(Recommendation recommendation, Customer customer, String owner) {
        if (owner == null || owner.equals(ActionRouting.MANAGER)) {
            recommendation.ownerManager = customer.manager;
            recommendation.ownerTeam = null;
        } else {
            recommendation.ownerManager = null;
            recommendation.ownerTeam = owner;
        }
    }

    private static void close(Recommendation recommendation, RecommendationStatus status, Instant now, String note) {
        recommendation.status = status;
        recommendation.closedAt = now;
        recommendation.updatedAt = now;
        if (note != null && !note.isBlank()) {
            recommendation.note = note.strip();
        }
    }

    private static void requireStatus(Recommendation recommendation, String what, RecommendationStatus... allowed) {
        if (!List.of(allowed).contains(recommendation.status)) {
            throw new ConflictException("recommendation " + recommendation.id + " is " + recommendation.status
                    + ": only a recommendation that is " + List.of(allowed) + " can be asked to " + what);
        }
    }
}
