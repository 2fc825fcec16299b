package com.retentionadvisor.jobs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class DutyCycleTest {

    @Test
    void aJobAtHalfTimePausesAtLeastAsLongAsItWorked() {
        DutyCycle dutyCycle = new DutyCycle(0.5);
        long worked = work(TimeUnit.MILLISECONDS.toNanos(40));

        long pauseStart = System.nanoTime();
        dutyCycle.afterStep();
        long paused = System.nanoTime() - pauseStart;

        assertThat(paused, greaterThanOrEqualTo(worked));
    }

    @Test
    void aJobAtAQuarterPausesThreeTimesAsLongAsItWorked() {
        DutyCycle dutyCycle = new DutyCycle(0.25);
        long worked = work(TimeUnit.MILLISECONDS.toNanos(30));

        long pauseStart = System.nanoTime();
        dutyCycle.afterStep();
        long paused = System.nanoTime() - pauseStart;

        assertThat(paused, greaterThanOrEqualTo(3 * worked));
    }

    @Test
    void shortStepsAreNotPausedOneByOne() {
        DutyCycle dutyCycle = new DutyCycle(0.5);

        long pauseStart = System.nanoTime();
        dutyCycle.afterStep();
        long paused = System.nanoTime() - pauseStart;

        assertThat(paused, lessThan(DutyCycle.SLICE_NANOS));
    }

    @Test
    void aJobAtFullTimeIsNeverPaused() {
        DutyCycle dutyCycle = new DutyCycle(1);
        work(TimeUnit.MILLISECONDS.toNanos(40));

        long pauseStart = System.nanoTime();
        dutyCycle.afterStep();

        assertThat(System.nanoTime() - pauseStart, lessThan(TimeUnit.MILLISECONDS.toNanos(20)));
    }

    @Test
    void aShareOutsideZeroToOneIsRefused() {
        assertThat(assertThrows(IllegalArgumentException.class, () -> new DutyCycle(0)).getMessage(),
                containsString("above 0 and at most 1, not 0.0"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> new DutyCycle(1.5)).getMessage(), containsString("not 1.5"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> new DutyCycle(Double.NaN)).getMessage(),
                containsString("not NaN"));
    }

    // Busy for at least this long (measured from the duty cycle's creation, as a job's first slice is); returns how long.
    private static long work(long nanos) {
        long start = System.nanoTime();
        while (System.nanoTime() - start < nanos) {
            Thread.onSpinWait();
        }
        return System.nanoTime() - start;
    }
}
