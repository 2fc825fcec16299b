package com.retentionadvisor.problems;

import java.util.List;

/** The same kind of work is already running; the caller should try again shortly (Retry-After). */
public final class BusyException extends ApiException {

    private final int retryAfterSeconds;

    public BusyException(String detail, int retryAfterSeconds) {
        super(detail, List.of());
        this.retryAfterSeconds = retryAfterSeconds;
    }

    int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    int status() {
        return 429;
    }

    @Override
    String slug() {
        return "busy";
    }

    @Override
    String title() {
        return "Busy";
    }
}
