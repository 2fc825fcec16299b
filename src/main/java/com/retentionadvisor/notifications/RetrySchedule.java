package com.retentionadvisor.notifications;

import java.time.Duration;
import java.util.Optional;

/** When a failed delivery is tried again: after the base wait, doubling each time up to a cap, for so many attempts. */
public record RetrySchedule(int maxAttempts, Duration base, Duration cap) {

    static RetrySchedule of(WebhookConfig config) {
        return new RetrySchedule(config.maxAttempts(), config.backoff(), config.backoffMax());
    }

    /** The wait before the next attempt once {@code failedAttempts} have failed; empty when none is left. */
    public Optional<Duration> waitAfter(int failedAttempts) {
        if (failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        Duration wait = base.multipliedBy(1L << Math.min(Math.max(failedAttempts - 1, 0), 30));
        return Optional.of(wait.compareTo(cap) > 0 ? cap : wait);
    }
}
