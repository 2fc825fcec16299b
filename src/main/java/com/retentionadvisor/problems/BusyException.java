package com.retentionadvisor.problems;

/** The same kind of work is already running; the caller should try again shortly (Retry-After). */
public final class BusyException extends TryAgainLaterException {

    public BusyException(String detail, int retryAfterSeconds) {
        super(detail, retryAfterSeconds);
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
