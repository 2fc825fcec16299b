package com.retentionadvisor.advice;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The advice of many customers at once, as of one instant, in the order asked.
 *
 * @param customerIds the customers' external ids (a customer named twice is answered twice)
 * @param asOf        ISO-8601 instant with an offset; now when left out
 */
public record AdviceQuery(List<String> customerIds, String asOf) {

    /** What a query answers: one item per id asked, in that order, under one ruleset version. */
    @Schema(name = "AdviceQueryAnswer")
    public record Answer(String rulesetVersion, String asOf, int customers, int unknown, List<Item> items) {
    }

    /**
     * One customer's answer: status 200 with the advice, 404 with the reason (the customer is not known, or not one
     * the caller may see), or 503 when the rules ran over their time or firing budget on this customer (the detail
     * names the ruleset version; the other customers are answered).
     */
    @Schema(name = "AdviceQueryItem")
    public record Item(String customerId, int status, AdviceView advice, String detail) {
    }
}
