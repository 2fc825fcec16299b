package com.retentionadvisor.problems;

import java.util.List;

/** The request does not fit the record's current state, e.g. marking done a recommendation already dismissed. */
public final class ConflictException extends ApiException {

    public ConflictException(String detail) {
        super(detail, List.of());
    }

    @Override
    int status() {
        return 409;
    }

    @Override
    String slug() {
        return "conflict";
    }

    @Override
    String title() {
        return "Conflict with the current state";
    }
}
