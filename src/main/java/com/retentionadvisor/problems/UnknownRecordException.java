package com.retentionadvisor.problems;

import java.util.List;

/** A request names a record (customer, manager, …) by an external id that the advisor does not know. */
public final class UnknownRecordException extends ApiException {

    public UnknownRecordException(String field, String what, String externalId) {
        super(what + " '" + externalId + "' is not known; push it first", List.of(FieldProblem.ofField(field, "unknown " + what + " '" + externalId + "'")));
    }

    private UnknownRecordException(String message, FieldProblem problem) {
        super(message, List.of(problem));
    }

    /** A person named who is not one of the customer's people (unknown, or another account's). */
    public static UnknownRecordException personOf(String field, String person, String customer) {
        return new UnknownRecordException("person '" + person + "' is not one of the people of customer '" + customer
                + "'; push them first (POST /api/people/batch)",
                FieldProblem.ofField(field, "not a person of customer '" + customer + "': '" + person + "'"));
    }

    @Override
    int status() {
        return 404;
    }

    @Override
    String slug() {
        return "unknown-record";
    }

    @Override
    String title() {
        return "Unknown record";
    }
}
