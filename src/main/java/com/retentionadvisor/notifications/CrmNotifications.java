package com.retentionadvisor.notifications;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.retentionadvisor.advice.Advice;
import com.retentionadvisor.advice.AdviceView;
import com.retentionadvisor.customers.Customer;
import com.retentionadvisor.recommendations.CustomerEvaluated;
import com.retentionadvisor.recommendations.Recommendation;
import com.retentionadvisor.rules.RiskLevel;

/**
 * Tells the CRM at once what the rules say it must hear of (rules/notifications): a risk level that rose to their
 * level, a new recommendation they name. Queued in the evaluation's own transaction, so the outbox row commits or
 * rolls back with the evaluation.
 */
@ApplicationScoped
public class CrmNotifications {

    @Inject
    Outbox outbox;

    /** The customer an event is about. */
    public record CustomerRef(String id, String name, String segment, String managerId) {

        static CustomerRef of(Customer customer) {
            return new CustomerRef(customer.externalId, customer.name, customer.segment,
                    customer.manager == null ? null : customer.manager.externalId);
        }
    }

    /** RISK_LEVEL_ROSE: levelBefore is null when the customer was evaluated for the first time. */
    public record RiskLevelRose(NotificationEvent event, Instant occurredAt, CustomerRef customer, RiskLevel levelBefore,
            RiskLevel level, int score, List<AdviceView.Sign> signs, String rule, String rulesetVersion) {
    }

    /** HIGH_PRIORITY_RECOMMENDATION: the new recommendation, and the rule that makes the CRM hear of it. */
    public record HighPriorityRecommendation(NotificationEvent event, Instant occurredAt, CustomerRef customer,
            RecommendationRef recommendation, String rule, String rulesetVersion) {
    }

    /** A recommendation as the CRM sees it: the work, for whom, why and by when; rule: the rule that proposed it. */
    public record RecommendationRef(long id, String actionCode, String title, String purpose, int priority, int rank,
            String reason, String ownerManagerId, String ownerTeam, Instant dueAt, String rule) {

        static RecommendationRef of(Recommendation r) {
            return new RecommendationRef(r.id, r.actionCode, r.title, r.purpose.name(), r.priority, r.rank, r.reason,
                    r.ownerManager == null ? null : r.ownerManager.externalId, r.ownerTeam, r.dueAt, r.rule);
        }
    }

    void onEvaluated(@Observes CustomerEvaluated evaluated) {
        AdviceView advice = evaluated.advice();
        AdviceView.CrmNotices notices = advice.crmNotices();
        if (!outbox.isOn() || notices == null) {
            return;
        }
        Customer customer = evaluated.customer();
        Instant now = Instant.now();
        RiskLevel level = advice.risk().level();
        if (notices.tellsRise(evaluated.levelBefore(), level)) {
            // The advice just stored names this rise: the same rise is never queued twice.
            long adviceId = Advice.latestFor(customer).orElseThrow().id;
            outbox.queue(NotificationEvent.RISK_LEVEL_ROSE, "risk-rise:" + customer.externalId + ":" + adviceId,
                    new RiskLevelRose(NotificationEvent.RISK_LEVEL_ROSE, now, CustomerRef.of(customer), evaluated.levelBefore(),
                            level, advice.risk().score(), advice.risk().signs(), notices.riskRise().rule(), advice.rulesetVersion()));
        }
        for (Recommendation created : evaluated.created()) {
            notices.forAction(created.actionCode).ifPresent(notice -> outbox.queue(NotificationEvent.HIGH_PRIORITY_RECOMMENDATION,
                    "recommendation:" + created.id,
                    new HighPriorityRecommendation(NotificationEvent.HIGH_PRIORITY_RECOMMENDATION, now, CustomerRef.of(customer),
                            RecommendationRef.of(created), notice.rule(), advice.rulesetVersion())));
        }
    }
}
