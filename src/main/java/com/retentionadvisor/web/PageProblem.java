package com.retentionadvisor.web;

/** What can go wrong on the manager page, told to the manager in words (PageMessages.problem) with its HTTP status. */
public enum PageProblem {
    UNKNOWN_MANAGER(404),
    UNKNOWN_CUSTOMER(404),
    UNKNOWN_RECOMMENDATION(404),
    ALREADY_CLOSED(409),
    CHANNEL_MISSING(400),
    REASON_MISSING(400),
    NOTE_MISSING(400),
    NOTE_TOO_LONG(400),
    BAD_FILTER(400),
    NOT_ALLOWED(403),
    DATABASE_UNAVAILABLE(503),
    UNEXPECTED(500);

    private final int status;

    PageProblem(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
