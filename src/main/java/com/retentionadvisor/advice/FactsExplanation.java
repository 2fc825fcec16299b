package com.retentionadvisor.advice;

import java.beans.PropertyDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.retentionadvisor.audit.AuditAction;
import com.retentionadvisor.audit.AuditLog;
import com.retentionadvisor.customers.Customer;
import com.retentionadvisor.facts.ContactWindow;
import com.retentionadvisor.facts.CustomerFacts;
import com.retentionadvisor.facts.FactsService;
import com.retentionadvisor.facts.GlobalCondition;
import com.retentionadvisor.globalfacts.GlobalFactService;
import com.retentionadvisor.rules.ActionCandidate;
import com.retentionadvisor.rules.ContactIntent;
import com.retentionadvisor.rules.ContactRefusal;
import com.retentionadvisor.rules.Evaluation;
import com.retentionadvisor.rules.RuleAnatomy;
import com.retentionadvisor.rules.RuleEngine;
import com.retentionadvisor.rules.RuleOutcome;
import com.retentionadvisor.rules.Ruleset;
import com.retentionadvisor.rules.Sign;

/**
 * A customer's facts beside the rules, so that "why is this customer LOW?" and "why did that sign not fire?" are
 * answered by looking: every fact the rules see with its value and the rules that read it, and every rule of the live
 * ruleset with what it reads, what it may conclude and whether it fired for this customer (and what it concluded).
 * Evaluates as an advice does (or as a contact check does, when a contact is given) and stores nothing but the read.
 */
@ApplicationScoped
public class FactsExplanation {

    @Inject
    FactsService facts;

    @Inject
    RuleEngine engine;

    @Inject
    GlobalFactService globalFacts;

    @Inject
    AuditLog audit;

    /** The customer's facts and the live rules' verdicts at the as-of instant; empty when the customer is unknown. */
    @Transactional
    public Optional<View> explain(String customerExternalId, Instant asOf, ContactIntent intent) {
        return Customer.findByExternalId(customerExternalId).map(customer -> {
            Ruleset ruleset = engine.live();
            CustomerFacts customerFacts = People.reaching(facts.factsFor(customer, asOf), customer, intent.getPerson(), "person");
            List<GlobalCondition> conditions = globalFacts.activeConditions();
            Evaluation evaluation = engine.evaluate(ruleset, customerFacts, conditions, intent);
            audit.record(AuditAction.CUSTOMER_CARD_READ, customer.externalId,
                    Map.of("via", "GET /api/customers/{externalId}/facts", "asOf", asOf.toString()));
            return view(customer.externalId, asOf, ruleset, customerFacts, conditions, intent, evaluation);
        });
    }

    static View view(String customerId, Instant asOf, Ruleset ruleset, CustomerFacts customerFacts,
            List<GlobalCondition> conditions, ContactIntent intent, Evaluation evaluation) {
        List<RuleAnatomy> anatomy = ruleset.anatomy();
        Map<String, List<String>> readers = new HashMap<>();
        anatomy.forEach(rule -> rule.reads().forEach(read -> readers.computeIfAbsent(read, r -> new ArrayList<>()).add(rule.rule())));

        List<Object> seen = new ArrayList<>(customerFacts.forRules());
        seen.addAll(conditions);
        seen.add(intent);
        List<Fact> factValues = new ArrayList<>();
        for (Object fact : seen) {
            Class<?> type = fact.getClass();
            String label = fact instanceof ContactWindow window ? RuleAnatomy.windowLabel(window.getDays()) : type.getSimpleName();
            for (PropertyDescriptor property : RuleAnatomy.propertiesOf(type)) {
                // A window is read by the rules that pick it by its length and by those that read every window.
                List<String> readBy = new ArrayList<>(readers.getOrDefault(label + "." + property.getName(), List.of()));
                if (!label.equals(type.getSimpleName())) {
                    readBy.addAll(readers.getOrDefault(type.getSimpleName() + "." + property.getName(), List.of()));
                }
                factValues.add(new Fact(label, property.getName(), valueOf(fact, property), readBy.stream().distinct().sorted().toList()));
            }
        }

        Set<String> fired = Set.copyOf(evaluation.firedRules());
        Map<String, List<Concluded>> concludedBy = new LinkedHashMap<>();
        for (RuleOutcome outcome : evaluation.outcomes()) {
            if (outcome.getRule() != null) {
                concludedBy.computeIfAbsent(outcome.getRule(), r -> new ArrayList<>())
                        .add(new Concluded(outcome.getClass().getSimpleName(), codeOf(outcome)));
            }
        }
        List<RuleVerdict> rules = anatomy.stream()
                .map(rule -> new RuleVerdict(rule.rule(), rule.file(), rule.reads(), rule.concludes(), fired.contains(rule.rule()),
                        concludedBy.getOrDefault(rule.rule(), List.of())))
                .toList();
        return new View(customerId, asOf, evaluation.rulesetVersion(),
                new Contact(intent.getChannel() == null ? null : intent.getChannel().name(),
                        intent.getPurpose() == null ? null : intent.getPurpose().name(), intent.getDirection().name(),
                        intent.getCampaign(), intent.getPerson()),
                factValues, rules);
    }

    private static Object valueOf(Object fact, PropertyDescriptor property) {
        try {
            Object value = property.getReadMethod().invoke(fact);
            return value instanceof Enum<?> constant ? constant.name() : value;
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("the fact " + property.getName() + " of " + fact.getClass().getSimpleName()
                    + " cannot be read", e);
        }
    }

    private static String codeOf(RuleOutcome outcome) {
        if (outcome instanceof Sign sign) {
            return sign.getCode();
        }
        if (outcome instanceof ActionCandidate action) {
            return action.getCode();
        }
        return outcome instanceof ContactRefusal refusal ? refusal.getCode() : null;
    }

    /**
     * The customer's facts and the rules' verdicts: every fact (its fact type, e.g. CustomerFacts or "ContactWindow(7
     * days)", its name and value, and the rules whose conditions read it), and every rule of the ruleset.
     */
    public record View(String customerId, Instant asOf, String rulesetVersion, Contact contact, List<Fact> facts,
            List<RuleVerdict> rules) {
    }

    /**
     * The contact the rules were asked about: "any proactive contact" (no channel or purpose) as in an advice; its
     * campaign and the person of the account it is for, when given.
     */
    public record Contact(String channel, String purpose, String direction, String campaign, String person) {
    }

    /** One fact as the rules see it; {@code readBy}: the rules whose conditions name or bind it. */
    public record Fact(String fact, String name, Object value, List<String> readBy) {
    }

    /**
     * One rule: its file under rules/, the facts it reads, the kinds of outcome it may insert (ChurnSign, Strength,
     * ActionCandidate, ContactRefusal, …), whether it fired for this customer and what it concluded when it did.
     */
    public record RuleVerdict(String rule, String file, List<String> reads, List<String> concludes, boolean fired,
            List<Concluded> concluded) {
    }

    /** An outcome a rule inserted: its kind and, for a sign, strength, action or refusal, its code. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Concluded(String kind, String code) {
    }
}
