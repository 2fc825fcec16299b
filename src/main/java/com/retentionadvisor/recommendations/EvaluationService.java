package com.retentionadvisor.recommendations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.retentionadvisor.advice.AdviceService;
import com.retentionadvisor.advice.AdviceView;
import com.retentionadvisor.customers.Customer;
import com.retentionadvisor.facts.CustomerFacts;
import com.retentionadvisor.facts.FactsService;
import com.retentionadvisor.facts.GlobalCondition;
import com.retentionadvisor.globalfacts.GlobalFactService;
import com.retentionadvisor.operations.AdvisorMetrics;
import com.retentionadvisor.problems.RulesOverBudgetException;
import com.retentionadvisor.rules.RiskLevel;
import com.retentionadvisor.rules.RuleEngine;
import com.retentionadvisor.rules.Ruleset;

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
        Instant now = Instant.now();
        RiskLevel levelBefore = advice.latestLevels(List.of(customer.id)).get(customer.id);
        Outcome evaluatedNow = evaluate(customer, facts.factsFor(customer, now), levelBefore, engine.live(),
                globalFacts.activeConditions(), now);
        return new Outcome(evaluatedNow.advice(), evaluatedNow.changes(), Recommendation.listOpenFor(customer));
    }

    /**
     * Evaluates a page of customers (by id) now, in the caller's transaction: their facts in one statement, their
     * latest levels in another, one ruleset and one set of global conditions for the page; each customer's advice
     * stored and recommendations brought in line as {@link #evaluate(Customer)} does. A customer whose rules run past
     * their budget is skipped (nothing is written for them) and named in the answer; the others are evaluated.
     */
    public PageOutcome evaluatePage(List<Long> customerIds) {
        Instant now = Instant.now();
        Ruleset ruleset = engine.live();
        List<GlobalCondition> conditions = globalFacts.activeConditions();
        Map<String, Customer> customers = new HashMap<>();
        Customer.<Customer>list("id in ?1", customerIds).forEach(customer -> customers.put(customer.externalId, customer));
        Map<Long, RiskLevel> levelsBefore = advice.latestLevels(customerIds);
        int evaluatedNow = 0;
        List<String> skipped = new ArrayList<>();
        for (CustomerFacts customerFacts : facts.factsFor(customerIds, now)) {
            Customer customer = customers.get(customerFacts.getCustomerId());
            if (customer != null) {
                try {
                    evaluate(customer, customerFacts, levelsBefore.get(customer.id), ruleset, conditions, now);
                    evaluatedNow++;
                } catch (RulesOverBudgetException e) {
                    skipped.add(customer.externalId);
                }
            }
        }
        return new PageOutcome(evaluatedNow, skipped);
    }

    /** A page's evaluation: how many customers were evaluated, and those skipped because their rules ran over budget. */
    public record PageOutcome(int evaluated, List<String> skipped) {
    }

    /** One customer's evaluation; its outcome has no open recommendations (the caller reads them when it needs them). */
    private Outcome evaluate(Customer customer, CustomerFacts customerFacts, RiskLevel levelBefore,
            Ruleset ruleset, List<GlobalCondition> conditions, Instant now) {
        long started = System.nanoTime();
        AdviceView view = advice.advise(ruleset, customerFacts, conditions, Locale.ENGLISH);
        advice.store(customer, view);
        RecommendationService.SyncResult changes = recommendations.sync(customer, view, now);
        evaluated.fire(new CustomerEvaluated(customer, levelBefore, view, changes.createdRecommendations()));
        metrics.customerEvaluated(view.firedRules(), System.nanoTime() - started);
        return new Outcome(view, changes, List.of());
    }
}
