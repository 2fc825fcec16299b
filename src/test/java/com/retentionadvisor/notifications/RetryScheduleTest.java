package com.retentionadvisor.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** When a failed webhook delivery is tried again: the base wait, doubling, capped, then no more. */
class RetryScheduleTest {

    private final RetrySchedule defaults = new RetrySchedule(8, Duration.ofSeconds(30), Duration.ofHours(1));

    @Test
    void waitsDoubleFromTheBaseAfterEachFailedAttempt() {
        List<Duration> waits = IntStream.rangeClosed(1, 7).mapToObj(failed -> defaults.waitAfter(failed).orElseThrow()).toList();

        assertEquals(List.of(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                Duration.ofMinutes(8), Duration.ofMinutes(16), Duration.ofMinutes(32)), waits);
    }

    @Test
    void noAttemptIsLeftAfterTheLastOne() {
        assertEquals(Optional.empty(), defaults.waitAfter(8));
    }

    @Test
    void aWaitNeverExceedsTheCap() {
        RetrySchedule manyAttempts = new RetrySchedule(100, Duration.ofSeconds(30), Duration.ofHours(1));

        assertEquals(Optional.of(Duration.ofHours(1)), manyAttempts.waitAfter(8));
        assertEquals(Optional.of(Duration.ofHours(1)), manyAttempts.waitAfter(99));
    }
}
