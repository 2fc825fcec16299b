package com.retentionadvisor.recommendations;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.retentionadvisor.advice.AdviceService;
import com.retentionadvisor.advice.AdviceView;
import com.retentionadvisor.customers.Customer;
import com.retentionadvisor.facts.FactsService;
import com.retentionadvisor.globalfacts.GlobalFactService;
import com.retentionadvisor.operations.AdvisorMetrics;
import com.retentionadvisor.rules.RiskLevel;
import com.retentionadvisor.rules.RuleEngine;

/**
 * Evaluates a customer now with the live ruleset: the advice is stored (the customer's risk history) and its actions
 * become recommendations for their owners. What the batch evaluation, ingest and the API's evaluate call share.
 */
@ApplicationScoped
public class EvaluationService {

    @Inject
    FactsService facts;

    @Inject
    AdviceService advice;

    @Inject
    RuleEngine engine;

    @Inject
    GlobalFactService globalFacts;

    @Inject
    RecommendationService recommendations;

    @Inject
    Event<CustomerEvaluated> evaluated;

    @Inject
    AdvisorMetrics metrics;

    /** What one evaluation gave: the advice, and the customer's open recommendations after it. */
    public record Outcome(AdviceView advice, RecommendationService.SyncResult changes, List<Recommendation> open) {
    }

    /** Evaluates the customer now; empty when the customer is unknown. */
    @Transactional
    public Optional<Outcome> evaluate(String customerExternalId) {
        return Customer.findByExternalId(customerExternalId).map(this::evaluate);
    }

    /** Evaluates the customer now and answers it as the API shows it; empty when the customer is unknown. */
    @Transactional
    public Optional<CustomerEvaluationResource.EvaluationView> evaluateToView(String customerExternalId) {
        return Customer.findByExternalId(customerExternalId).map(this::evaluate).map(outcome -> new CustomerEvaluationResource.EvaluationView(
                outcome.advice(), outcome.changes().created(), outcome.changes().updated(), outcome.changes().expired(),
                outcome.open().stream().map(RecommendationView::of).toList()));
    }

    /** Evaluates the customer now. Call inside a transaction. */
    public Outcome evaluate(Customer customer) {
        long started = System.nanoTime();
        Instant now = Instant.now();
        Optional<RiskLevel> levelBefore = advice.latestLevel(customer);
        AdviceView view = advice.advise(engine.live(), facts.factsFor(customer, now), globalFacts.activeConditions(), Locale.ENGLISH);
        advice.store(customer, view);
        RecommendationService.SyncResult changes = recommendations.sync(customer, view, now);
        evaluated.fire(new CustomerEvaluated(customer, levelBefore.orElse(null), view, changes.createdRecommendations()));
        Outcome outcome = new Outcome(view, changes, Recommendation.listOpenFor(customer));
        metrics.customerEvaluated(view.firedRules(), System.nanoTime() - started);
        return outcome;
    }
}
