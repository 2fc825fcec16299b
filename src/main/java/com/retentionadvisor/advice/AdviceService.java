package com.retentionadvisor.advice;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.retentionadvisor.audit.AuditAction;
import com.retentionadvisor.audit.AuditLog;
import com.retentionadvisor.customers.Customer;
import com.retentionadvisor.facts.CustomerFacts;
import com.retentionadvisor.facts.FactsService;
import com.retentionadvisor.facts.GlobalCondition;
import com.retentionadvisor.globalfacts.GlobalFactService;
import com.retentionadvisor.operations.AdvisorMetrics;
import com.retentionadvisor.rules.ContactIntent;
import com.retentionadvisor.rules.ContactRefusal;
import com.retentionadvisor.rules.Evaluation;
import com.retentionadvisor.rules.RiskLevel;
import com.retentionadvisor.rules.RuleEngine;
import com.retentionadvisor.rules.Ruleset;

/** Advice and contact checks: facts from the store, decisions from the live ruleset. */
@ApplicationScoped
public class AdviceService {

    @Inject
    FactsService facts;

    @Inject
    RuleEngine engine;

    @Inject
    GlobalFactService globalFacts;

    @Inject
    AuditLog audit;

    @Inject
    AdvisorMetrics metrics;

    /**
     * The customer's advice at the as-of instant, and the read in the audit log; empty when the customer is unknown.
     * A read stores no advice: the risk history holds evaluations only (one customer's, the nightly batch's, those
     * after an ingest), so a CRM that polls, or an analyst who asks about the past, leaves it as it was.
     */
    @Transactional
    public Optional<AdviceView> adviseOn(String customerExternalId, Instant asOf, Locale locale) {
        long started = System.nanoTime();
        return Customer.findByExternalId(customerExternalId).map(customer -> {
            AdviceView view = advise(engine.live(), facts.factsFor(customer, asOf), globalFacts.activeConditions(), locale);
            audit.record(AuditAction.CUSTOMER_CARD_READ, customer.externalId,
                    Map.of("via", "GET /api/customers/{externalId}/advice", "asOf", asOf.toString()));
            metrics.adviceGiven(view.firedRules(), System.nanoTime() - started);
            return view;
        });
    }

    /**
     * The customer's advice now in the reader's language, not stored: what a page shows each time it is opened, so
     * reading a customer card adds nothing to the risk history. Empty when the customer is unknown.
     */
    @Transactional
    public Optional<AdviceView> adviceNow(String customerExternalId, Locale locale) {
        long started = System.nanoTime();
        return facts.factsFor(customerExternalId, Instant.now()).map(customerFacts -> {
            AdviceView view = advise(engine.live(), customerFacts, globalFacts.activeConditions(), locale);
            metrics.adviceGiven(view.firedRules(), System.nanoTime() - started);
            return view;
        });
    }

    /** Whether the contact may be made at the as-of instant, stored with its answer; empty when the customer is unknown. */
    @Transactional
    public Optional<ContactDecision> checkContact(String customerExternalId, ContactIntent intent, Instant asOf, Locale locale) {
        Ruleset ruleset = engine.live();
        return Customer.findByExternalId(customerExternalId).map(customer -> {
            // A person named is one of this customer's: their consent, zone and caps apply.
            CustomerFacts customerFacts = People.reaching(facts.factsFor(customer, asOf), customer, intent.getPerson(), "person");
            Evaluation evaluation = engine.evaluate(ruleset, customerFacts, globalFacts.activeConditions(), intent);
            ContactCheck.record(customer, intent, asOf, evaluation);
            metrics.contactChecked(evaluation.firedRules(),
                    evaluation.all(ContactRefusal.class).stream().map(ContactRefusal::getRule).toList());
            ContactDecision decision = new AdviceComposer(ruleset.messages(), locale).contact(evaluation);
            return new ContactDecision(decision.allowed(), decision.reasons(), decision.retryAfter(), evaluation.rulesetVersion());
        });
    }

    /**
     * The advice a ruleset gives on a customer's facts under the given global conditions; stores nothing. One
     * ruleset serves the whole advice, even when another is put live meanwhile.
     */
    public AdviceView advise(Ruleset ruleset, CustomerFacts customerFacts, List<GlobalCondition> conditions, Locale locale) {
        Evaluation evaluation = engine.evaluate(ruleset, customerFacts, conditions, ContactIntent.anyProactiveContact());
        return new AdviceComposer(ruleset.messages(), locale).advice(customerFacts, evaluation);
    }

    /** The risk level of the latest advice stored for each customer (by id), read for a page of customers at once. */
    public Map<Long, RiskLevel> latestLevels(Collection<Long> customerIds) {
        return Advice.latestLevelsOf(customerIds);
    }

    /** Keeps an evaluation's advice, for audit and for the customer's risk history. Call inside a transaction. */
    public void store(Customer customer, AdviceView view) {
        Advice advice = new Advice();
        advice.customer = customer;
        advice.asOf = view.asOf();
        advice.evaluatedAt = Instant.now();
        advice.riskScore = view.risk().score();
        advice.riskLevel = view.risk().level();
        advice.stage = view.stage();
        advice.rulesetVersion = view.rulesetVersion();
        advice.firedRules = view.firedRules();
        advice.body = view;
        advice.persist();
    }
}
