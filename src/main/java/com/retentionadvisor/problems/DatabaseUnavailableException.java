package com.retentionadvisor.problems;

/**
 * PostgreSQL cannot be reached (stopped, restarting, refusing connections, or the pool could not get a connection in
 * time). Nothing of the request was committed; the caller should send it again after Retry-After.
 */
public final class DatabaseUnavailableException extends TryAgainLaterException {

    public static final int RETRY_AFTER_SECONDS = 5;

    public DatabaseUnavailableException() {
        super("the database cannot be reached just now; nothing of this request was written: send it again in a few seconds",
                RETRY_AFTER_SECONDS);
    }

    @Override
    int status() {
        return 503;
    }

    @Override
    String slug() {
        return "database-unavailable";
    }

    @Override
    String title() {
        return "Database unavailable";
    }
}
