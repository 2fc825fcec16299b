package com.retentionadvisor.problems;

import java.util.List;

/** A request the advisor cannot serve now but will shortly: answered with a Retry-After header. */
public abstract sealed class TryAgainLaterException extends ApiException permits BusyException, DatabaseUnavailableException,
        RulesOverBudgetException {

    private final int retryAfterSeconds;

    protected TryAgainLaterException(String detail, int retryAfterSeconds) {
        super(detail, List.of());
        this.retryAfterSeconds = retryAfterSeconds;
    }

    int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
