package com.retentionadvisor.advice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.quarkus.narayana.jta.QuarkusTransaction;

import com.retentionadvisor.audit.AuditAction;
import com.retentionadvisor.audit.AuditLog;
import com.retentionadvisor.contacts.ContactPerson;
import com.retentionadvisor.facts.CustomerFacts;
import com.retentionadvisor.facts.FactsService;
import com.retentionadvisor.facts.GlobalCondition;
import com.retentionadvisor.facts.PersonFacts;
import com.retentionadvisor.globalfacts.GlobalFactService;
import com.retentionadvisor.operations.RequestIds;
import com.retentionadvisor.problems.BusyException;
import com.retentionadvisor.problems.RulesOverBudgetException;
import com.retentionadvisor.rules.ContactIntent;
import com.retentionadvisor.rules.Evaluation;
import com.retentionadvisor.rules.RuleEngine;
import com.retentionadvisor.rules.Ruleset;

/**
 * Advice and contact checks for many customers in one call: the facts of a page of customers in one statement, the
 * pages evaluated on every core, one ruleset for the whole answer. Stores nothing but one audit entry per call: a bulk
 * advice is a read, and an audience check plans a send rather than records a contact (single contact checks are
 * what the over-contact KPI counts).
 */
@ApplicationScoped
public class BulkAdviceService {

    private static final Logger LOG = Logger.getLogger(BulkAdviceService.class);
    static final int PAGE_SIZE = 250;

    @Inject
    FactsService facts;

    @Inject
    RuleEngine engine;

    @Inject
    GlobalFactService globalFacts;

    @Inject
    AdviceService advice;

    @Inject
    AuditLog audit;

    /** The refusal code of an audience member whose rules ran over their budget: not contacted, since nothing was decided. */
    static final String RULES_OVER_BUDGET = "RULES_OVER_BUDGET";

    // Bulk calls at once; another is told to come back (429) rather than queued behind them.
    static final int CALLS_AT_ONCE = 2;
    private final Semaphore calls = new Semaphore(CALLS_AT_ONCE);
    private ExecutorService pages;

    @PostConstruct
    void start() {
        pages = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), runnable -> {
            Thread thread = new Thread(runnable, "bulk-advice");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The advice of each customer asked, in the order asked; ids not in {@code visible} are answered 404. */
    public AdviceQuery.Answer advice(List<String> asked, Map<String, Long> visible, Instant asOf, Locale locale) {
        Ruleset ruleset = engine.live();
        List<GlobalCondition> conditions = globalFacts.activeConditions();
        // A customer whose rules run over their budget is answered 503 on their own; the others get their advice.
        Map<String, Object> byCustomer = evaluate(visible, asOf, customerFacts -> {
            try {
                return advice.advise(ruleset, customerFacts, conditions, locale);
            } catch (RulesOverBudgetException e) {
                return e;
            }
        });
        List<AdviceQuery.Item> items = asked.stream().map(id -> {
            Object answer = byCustomer.get(id);
            if (answer instanceof AdviceView view) {
                return new AdviceQuery.Item(id, 200, view, null);
            }
            return answer instanceof RulesOverBudgetException overBudget
                    ? new AdviceQuery.Item(id, 503, null, overBudget.getMessage())
                    : new AdviceQuery.Item(id, 404, null, "customer '" + id + "' is not known; push it first");
        }).toList();
        int unknown = (int) items.stream().filter(item -> item.status() == 404).count();
        List<String> read = asked.stream().filter(byCustomer::containsKey).distinct().toList();
        QuarkusTransaction.requiringNew().run(() -> audit.record(AuditAction.ADVICE_QUERIED, "advice-query",
                Map.of("asOf", asOf.toString(), "customers", read.size(), "customerIds", read)));
        LOG.infof("Advice query: %d customers asked, %d unknown, as of %s", asked.size(), unknown, asOf);
        return new AdviceQuery.Answer(ruleset.version(), asOf.toString(), asked.size(), unknown, items);
    }

    /** Whether the intended contact may be made with each customer asked; unknown ids are listed apart. */
    public AudienceCheck.Answer checkAudience(ContactIntent intent, List<String> asked, Map<String, Long> visible, Instant asOf,
            Locale locale) {
        Ruleset ruleset = engine.live();
        ContactRules rules = new ContactRules(engine, ruleset, globalFacts.activeConditions(), new AdviceComposer(ruleset.messages(), locale));
        Map<String, ContactDecision> byCustomer = evaluate(visible, asOf, customerFacts -> rules.decide(customerFacts, intent));
        List<Member> members = new LinkedHashSet<>(asked).stream()
                .map(id -> new Member(id, id, null, byCustomer.get(id))).toList();
        return answer(ruleset, asOf, intent, members);
    }

    /**
     * Whether the intended contact may be made with each person asked (person external ids), each with their own
     * consent, unsubscribe, zone and per-person caps and their account's caps; people not known, or of customers the
     * caller may not see, are listed apart.
     */
    public AudienceCheck.Answer checkPeople(ContactIntent intent, List<String> asked, Function<List<String>, Map<String, Long>> visibleOf,
            Instant asOf, Locale locale) {
        Ruleset ruleset = engine.live();
        ContactRules rules = new ContactRules(engine, ruleset, globalFacts.activeConditions(), new AdviceComposer(ruleset.messages(), locale));
        List<String> distinct = List.copyOf(new LinkedHashSet<>(asked));
        // Each person's customer and facts, and only those of customers the caller may see.
        Map<String, ContactPerson> people = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> ContactPerson.findByExternalIds(distinct)
                .forEach(person -> people.put(person.externalId, person)));
        Map<String, List<PersonFacts>> byCustomer = new HashMap<>();
        Map<String, String> customerOf = new HashMap<>();
        people.values().forEach(person -> {
            customerOf.put(person.externalId, person.customer.externalId);
            byCustomer.computeIfAbsent(person.customer.externalId, c -> new ArrayList<>()).add(PersonFacts.of(person));
        });
        Map<String, Long> visible = visibleOf.apply(List.copyOf(byCustomer.keySet()));
        Map<String, Map<String, ContactDecision>> decisions = evaluate(visible, asOf, customerFacts -> {
            Map<String, ContactDecision> perPerson = new HashMap<>();
            for (PersonFacts person : byCustomer.get(customerFacts.getCustomerId())) {
                perPerson.put(person.id(), rules.decide(customerFacts.reaching(person), intent.forPerson(person.id())));
            }
            return perPerson;
        });
        List<Member> members = distinct.stream().map(id -> {
            String customer = customerOf.get(id);
            Map<String, ContactDecision> ofCustomer = customer == null ? null : decisions.get(customer);
            return new Member(id, customer, id, ofCustomer == null ? null : ofCustomer.get(id));
        }).toList();
        return answer(ruleset, asOf, intent, members);
    }

    /** One customer or person of an audience: the id asked, whose answer it is, and the decision (null: not known). */
    private record Member(String asked, String customerId, String personId, ContactDecision decision) {
    }

    /** The contact rules of one ruleset; a customer whose rules run over their budget is refused with RULES_OVER_BUDGET. */
    private record ContactRules(RuleEngine engine, Ruleset ruleset, List<GlobalCondition> conditions, AdviceComposer composer) {

        ContactDecision decide(CustomerFacts facts, ContactIntent intent) {
            try {
                return composer.contact(engine.evaluate(ruleset, facts, conditions, intent));
            } catch (RulesOverBudgetException e) {
                return new ContactDecision(false, List.of(new ContactDecision.Reason(null, RULES_OVER_BUDGET, e.getMessage())),
                        null, ruleset.version());
            }
        }
    }

    private AudienceCheck.Answer answer(Ruleset ruleset, Instant asOf, ContactIntent intent, List<Member> members) {
        List<AudienceCheck.Item> items = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        Map<String, AudienceCheck.ReasonCount> refusals = new LinkedHashMap<>();
        int allowed = 0;
        for (Member member : members) {
            ContactDecision decision = member.decision();
            if (decision == null) {
                unknown.add(member.asked());
                continue;
            }
            items.add(new AudienceCheck.Item(member.customerId(), member.personId(), decision.allowed(), decision.reasons(),
                    decision.retryAfter()));
            if (decision.allowed()) {
                allowed++;
            }
            // A member counts once under each rule that refused them, however many of its caps they met.
            Map<String, String> codeByRule = new LinkedHashMap<>();
            decision.reasons().forEach(reason -> codeByRule.putIfAbsent(reason.rule(), reason.code()));
            codeByRule.forEach((rule, code) -> refusals.merge(rule, new AudienceCheck.ReasonCount(rule, code, 1),
                    (a, b) -> new AudienceCheck.ReasonCount(a.rule(), a.code(), a.customers() + 1)));
        }
        List<AudienceCheck.ReasonCount> counted = refusals.values().stream()
                .sorted(Comparator.comparingInt(AudienceCheck.ReasonCount::customers).reversed()
                        .thenComparing(AudienceCheck.ReasonCount::rule, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        int allowedMembers = allowed;
        QuarkusTransaction.requiringNew().run(() -> audit.record(AuditAction.AUDIENCE_CHECKED, "audience-check", Map.of("channel", String.valueOf(intent.getChannel()),
                "purpose", String.valueOf(intent.getPurpose()), "asOf", asOf.toString(), "customers", items.size(),
                "allowed", allowedMembers)));
        LOG.infof("Audience check of %s %s: %d answered, %d allowed, %d refused, %d unknown", intent.getChannel(),
                intent.getPurpose(), items.size(), allowed, items.size() - allowed, unknown.size());
        return new AudienceCheck.Answer(ruleset.version(), asOf.toString(), items.size(), allowed, items.size() - allowed,
                unknown, counted, items);
    }

    /** Evaluates every visible customer, a page of facts at a time, the pages on every core; by external id. */
    private <T> Map<String, T> evaluate(Map<String, Long> visible, Instant asOf, Function<CustomerFacts, T> each) {
        if (!calls.tryAcquire()) {
            throw new BusyException(CALLS_AT_ONCE + " bulk calls are being answered; send this one again in a few seconds", 5);
        }
        try {
            return evaluatePages(visible, asOf, each);
        } finally {
            calls.release();
        }
    }

    private <T> Map<String, T> evaluatePages(Map<String, Long> visible, Instant asOf, Function<CustomerFacts, T> each) {
        List<Long> ids = visible.values().stream().sorted().toList();
        List<Future<Map<String, T>>> running = new ArrayList<>();
        String requestId = RequestIds.current(); // the pages' log lines name the request they serve
        for (int from = 0; from < ids.size(); from += PAGE_SIZE) {
            List<Long> page = ids.subList(from, Math.min(ids.size(), from + PAGE_SIZE));
            running.add(pages.submit(() -> {
                if (requestId != null) {
                    MDC.put(RequestIds.MDC_KEY, requestId);
                }
                try {
                    List<CustomerFacts> pageFacts = QuarkusTransaction.requiringNew().call(() -> facts.factsFor(page, asOf));
                    Map<String, T> answered = new HashMap<>();
                    pageFacts.forEach(customerFacts -> answered.put(customerFacts.getCustomerId(), each.apply(customerFacts)));
                    return answered;
                } finally {
                    MDC.remove(RequestIds.MDC_KEY);
                }
            }));
        }
        Map<String, T> all = new HashMap<>();
        try {
            for (Future<Map<String, T>> page : running) {
                all.putAll(page.get());
            }
        } catch (InterruptedException e) {
            running.forEach(page -> page.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while evaluating customers", e);
        } catch (ExecutionException e) {
            running.forEach(page -> page.cancel(true));
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
        return all;
    }

    @PreDestroy
    void stop() {
        pages.shutdownNow();
    }
}
