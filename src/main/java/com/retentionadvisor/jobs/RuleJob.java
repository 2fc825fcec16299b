package com.retentionadvisor.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A long piece of work on rules over the customer base (a simulation, a back-test), run in the background: its state,
 * progress and, once done, its report.
 */
public final class RuleJob implements Progress {

    public enum State { QUEUED, RUNNING, DONE, CANCELLED, FAILED }

    private final String id = UUID.randomUUID().toString();
    private final String kind;
    private final Instant queuedAt = Instant.now();
    private final AtomicInteger done = new AtomicInteger();
    private volatile int total;
    private volatile State state = State.QUEUED;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile boolean cancelRequested;
    private volatile Object report;
    private volatile String failure;
    private final CompletableFuture<Void> end = new CompletableFuture<>();
    private final DutyCycle dutyCycle;

    RuleJob(String kind, DutyCycle dutyCycle) {
        this.kind = kind;
        this.dutyCycle = dutyCycle;
    }

    public String id() {
        return id;
    }

    public String kind() {
        return kind;
    }

    @Override
    public void total(int customers) {
        total = customers;
    }

    @Override
    public void advanced(int customers) {
        done.addAndGet(customers);
        dutyCycle.afterStep();
    }

    @Override
    public boolean stopped() {
        return cancelRequested;
    }

    void cancel() {
        cancelRequested = true;
    }

    boolean finished() {
        return state == State.DONE || state == State.CANCELLED || state == State.FAILED;
    }

    void started() {
        startedAt = Instant.now();
        state = cancelRequested ? State.CANCELLED : State.RUNNING;
    }

    void finished(Object jobReport) {
        report = jobReport;
        finishedAt = Instant.now();
        state = cancelRequested ? State.CANCELLED : State.DONE;
        end.complete(null);
    }

    void failed(String why) {
        failure = why;
        finishedAt = Instant.now();
        state = State.FAILED;
        end.complete(null);
    }

    /** Waits until the job has ended or the time is up, whichever comes first. */
    public void awaitEnd(Duration atMost) {
        try {
            end.get(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Still running: the caller shows the progress so far.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The share of the customers done so far, 0 to 1 (0 until the total is known). */
    public double share() {
        int customers = total;
        return customers == 0 ? 0 : (double) done.get() / customers;
    }

    /** What GET answers: progress with an estimate of the time left, and the report once done. */
    public View view() {
        int doneNow = done.get();
        Long secondsLeft = null;
        if (state == State.RUNNING && doneNow > 0 && total > 0) {
            long elapsedMillis = Duration.between(startedAt, Instant.now()).toMillis();
            secondsLeft = Math.round(elapsedMillis / 1000.0 / doneNow * (total - doneNow));
        }
        Integer percent = total == 0 ? null : (int) (100L * doneNow / total);
        return new View(id, kind, state, doneNow, total, percent, dutyCycle.share(), queuedAt, startedAt, finishedAt,
                secondsLeft, state == State.DONE ? report : null, failure);
    }

    /** {@code dutyCycle}: the share of the time the job may work (1 = as fast as one core allows). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record View(String id, String kind, State state, int done, int total, Integer percent, double dutyCycle,
            Instant queuedAt, Instant startedAt, Instant finishedAt, Long secondsLeft, Object report, String failure) {
    }
}
