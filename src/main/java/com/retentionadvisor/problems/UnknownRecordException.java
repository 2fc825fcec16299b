package com.retentionadvisor.problems;

import java.util.List;

/** A request names a record (customer, manager, …) by an external id that the advisor does not know. */
public final class UnknownRecordException extends ApiException {

    public UnknownRecordException(String field, String what, String externalId) {
        super(what + " '" + externalId + "' is not known; push it first", List.of(FieldProblem.ofField(field, "unknown " + what + " '" + externalId + "'")));
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
