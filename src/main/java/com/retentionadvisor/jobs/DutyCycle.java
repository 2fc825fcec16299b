package com.retentionadvisor.jobs;

import java.util.concurrent.TimeUnit;

/**
 * Keeps a background job to a share of the time: after each customer, once the job has worked for a slice of time, its
 * thread pauses long enough that work takes at most {@code share} of the wall-clock time. Time the job thread spends
 * waiting for a core (because the live API is busy) counts as work, so a busy service slows its jobs further.
 */
final class DutyCycle {

    /** Work is measured in slices at least this long, so that pauses are few and timer resolution does not matter. */
    static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final double share;
    private long sliceStart = System.nanoTime();

    DutyCycle(double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("a job's duty cycle is a share of the time above 0 and at most 1, not " + share);
        }
        this.share = share;
    }

    double share() {
        return share;
    }

    /**
     * Called after each step, on the job thread or on the threads it works on (a batch evaluation's pages); may pause
     * the caller. Those threads take turns here, so the job as a whole, not each thread, keeps to its share.
     */
    synchronized void afterStep() {
        if (share >= 1) {
            return;
        }
        long worked = System.nanoTime() - sliceStart;
        if (worked < SLICE_NANOS) {
            return;
        }
        long pause = (long) (worked * (1 - share) / share);
        try {
            TimeUnit.NANOSECONDS.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sliceStart = System.nanoTime();
    }
}
