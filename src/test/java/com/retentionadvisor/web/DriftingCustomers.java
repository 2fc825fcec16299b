package com.retentionadvisor.web;

import static com.retentionadvisor.Crm.customer;
import static com.retentionadvisor.Crm.manager;
import static com.retentionadvisor.Crm.pushAll;
import static com.retentionadvisor.Crm.survey;
import static com.retentionadvisor.Crm.ticket;
import static com.retentionadvisor.Crm.unique;
import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

import com.retentionadvisor.Crm;
import com.retentionadvisor.advice.AdviceService;
import com.retentionadvisor.customers.Customer;
import com.retentionadvisor.facts.FactsService;
import com.retentionadvisor.globalfacts.GlobalFactService;
import com.retentionadvisor.rules.RuleEngine;

/**
 * A manager whose customers are drifting away, pushed through the API as a CRM would and evaluated: a detractor
 * who answered two days ago (with a risk history of earlier evaluations), a customer with a fresh complaint, and a
 * loyal one. What the manager page tests look at.
 */
record DriftingCustomers(String managerId, String detractorId, String complainerId, String loyalId) {

    static final String MANAGER_NAME = "Anna Petrova";
    static final String DETRACTOR_NAME = "Nord Logistics";
    static final String COMPLAINER_NAME = "Volga Foods";
    static final String LOYAL_NAME = "Baltic Retail";
    /** The days before now of the detractor's earlier evaluations; with today's, six stored advices. */
    static final List<Integer> HISTORY_DAYS = List.of(150, 120, 90, 60, 30);

    static DriftingCustomers seed() {
        DriftingCustomers story = new DriftingCustomers(unique("PM"), unique("NORD"), unique("VOLGA"), unique("BALTIC"));
        pushAll("managers", List.of(manager(story.managerId).with("name", MANAGER_NAME)));
        pushAll("customers", List.of(
                customer(story.detractorId).with("name", DETRACTOR_NAME).with("managerExternalId", story.managerId),
                customer(story.complainerId).with("name", COMPLAINER_NAME).with("managerExternalId", story.managerId),
                customer(story.loyalId).with("name", LOYAL_NAME).with("managerExternalId", story.managerId)));
        pushAll("deals", List.of(
                order(story.detractorId, 200, "4200"), order(story.detractorId, 160, "3900"),
                order(story.detractorId, 120, "4100"), order(story.detractorId, 45, "2100"),
                order(story.complainerId, 70, "1800"), order(story.complainerId, 25, "1500"),
                order(story.loyalId, 80, "900"), order(story.loyalId, 40, "950"), order(story.loyalId, 10, "1000")));
        pushAll("surveys", List.of(
                survey(unique("S"), story.detractorId, 0, 9, null).with("answeredAt", daysAgo(100)),
                survey(unique("S"), story.detractorId, 0, 2, null).with("answeredAt", daysAgo(2))
                        .with("comment", "Two deliveries were late this month"),
                survey(unique("S"), story.complainerId, 0, 4, null).with("answeredAt", daysAgo(3)),
                survey(unique("S"), story.loyalId, 0, 10, null).with("answeredAt", daysAgo(12))));
        pushAll("tickets", List.of(ticket(unique("T"), story.complainerId, 0, "COMPLAINT").with("openedAt", daysAgo(1))));
        // The detractor's risk history, as the nightly evaluations of earlier days would have left it.
        HISTORY_DAYS.forEach(days -> storeEvaluationAsOf(story.detractorId, Instant.now().minus(Duration.ofDays(days))));
        List.of(story.detractorId, story.complainerId, story.loyalId)
                .forEach(id -> given().post("/api/customers/" + id + "/evaluation").then().statusCode(200));
        return story;
    }

    /** The manager's worklist as the JSON API answers it. */
    List<Map<String, Object>> worklistFromApi() {
        return given().queryParam("size", 100).get("/api/managers/" + managerId + "/worklist")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    /** The id of the customer's open recommendation for the action, from the JSON API. */
    long recommendation(String customerId, String actionCode) {
        return worklistFromApi().stream()
                .filter(item -> customerId.equals(item.get("customerId")) && actionCode.equals(item.get("actionCode")))
                .map(item -> ((Number) item.get("id")).longValue())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no open " + actionCode + " for " + customerId + " in " + worklistFromApi()));
    }

    static String statusFromApi(long recommendationId) {
        return given().get("/api/recommendations/" + recommendationId).then().statusCode(200).extract().path("status");
    }

    /**
     * Stores the advice the live rules give on the customer's history up to an earlier instant, as an evaluation run
     * then would have: the API evaluates only now, and a read (GET advice with asOf) stores nothing.
     */
    static void storeEvaluationAsOf(String customerId, Instant asOf) {
        AdviceService advice = Arc.container().instance(AdviceService.class).get();
        FactsService facts = Arc.container().instance(FactsService.class).get();
        RuleEngine engine = Arc.container().instance(RuleEngine.class).get();
        GlobalFactService globalFacts = Arc.container().instance(GlobalFactService.class).get();
        QuarkusTransaction.requiringNew().run(() -> {
            Customer customer = Customer.findByExternalId(customerId).orElseThrow();
            advice.store(customer, advice.advise(engine.live(), facts.factsFor(customer, asOf), globalFacts.activeConditions(),
                    Locale.ENGLISH));
        });
    }

    private static Crm.Item order(String customerId, int daysAgo, String amount) {
        return new Crm.Item().with("externalId", unique("D")).with("customerExternalId", customerId).with("amount", new java.math.BigDecimal(amount))
                .with("currency", "EUR").with("status", "WON")
                .with("openedAt", daysAgo(daysAgo + 10)).with("closedAt", daysAgo(daysAgo));
    }

    static String daysAgo(int days) {
        return Instant.now().minus(Duration.ofDays(days)).toString();
    }
}
