package com.retentionadvisor.jobs;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import com.retentionadvisor.problems.BusyException;

/**
 * Runs rule jobs (simulations, back-tests, batch evaluations) one after another on one background thread, so that
 * however many are asked for, only one runs; simulations and back-tests take at most one core and one database
 * connection from the live API, a batch evaluation the threads retention.evaluation.threads gives its pages. Jobs live in memory: the
 * last {@value #KEPT} are kept, and a restart forgets them.
 * <p>
 * A job may also be kept to a share of the time, its duty cycle ({@code retention.jobs.duty-cycle}, or
 * {@code retention.jobs.<kind>.duty-cycle} for one kind): at 0.5 it pauses as long as it has worked, so that it takes
 * at most half a core, and the live API keeps the rest.
 */
@ApplicationScoped
public class RuleJobs {

    private static final Logger LOG = Logger.getLogger(RuleJobs.class);
    static final int KEPT = 50;
    static final int MAX_WAITING = 5;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rule-jobs");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });

    private final Map<String, RuleJob> jobs = new LinkedHashMap<>();
    private final Map<String, Double> dutyCycles = new HashMap<>();
    private static final String CONFIG_PREFIX = "retention.jobs.";
    private static final String DUTY_CYCLE = "duty-cycle";

    @Inject
    Config config;

    // Reads every duty cycle at start, so that a wrong one stops the start rather than a job.
    @PostConstruct
    void readDutyCycles() {
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(CONFIG_PREFIX) && name.endsWith(DUTY_CYCLE)) {
                double share = config.getValue(name, Double.class);
                try {
                    new DutyCycle(share);
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(name + ": " + e.getMessage(), e);
                }
                dutyCycles.put(name.substring(CONFIG_PREFIX.length()), share);
            }
        }
    }

    private DutyCycle dutyCycleOf(String kind) {
        return new DutyCycle(dutyCycles.getOrDefault(kind + "." + DUTY_CYCLE, dutyCycles.getOrDefault(DUTY_CYCLE, 1.0)));
    }

    /** Queues a job; {@code work} reports progress on the job it is given and returns the job's report. */
    public synchronized RuleJob start(String kind, Function<RuleJob, Object> work) {
        long waiting = jobs.values().stream().filter(job -> job.view().state() == RuleJob.State.QUEUED).count();
        if (waiting >= MAX_WAITING) {
            throw new BusyException(waiting + " rule jobs are already waiting; try again when one has finished", 30);
        }
        RuleJob job = new RuleJob(kind, dutyCycleOf(kind));
        jobs.put(job.id(), job);
        forgetOldest();
        worker.submit(() -> run(job, work));
        return job;
    }

    /** A job of this kind, if it is known. */
    public synchronized Optional<RuleJob> find(String kind, String id) {
        return Optional.ofNullable(jobs.get(id)).filter(job -> job.kind().equals(kind));
    }

    /** Asks a job of this kind to stop; it stops before its next customer. */
    public synchronized Optional<RuleJob> cancel(String kind, String id) {
        Optional<RuleJob> job = find(kind, id);
        job.ifPresent(RuleJob::cancel);
        return job;
    }

    private void run(RuleJob job, Function<RuleJob, Object> work) {
        job.started();
        if (job.stopped()) {
            job.finished(null);
            return;
        }
        long started = System.nanoTime();
        LOG.infof("Rule job %s (%s) started, duty cycle %s", job.id(), job.kind(), job.view().dutyCycle());
        try {
            job.finished(work.apply(job));
            RuleJob.View view = job.view();
            LOG.infof("Rule job %s (%s) %s: %d of %d customers in %d ms", job.id(), job.kind(), view.state(), view.done(),
                    view.total(), (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Rule job %s (%s) failed", job.id(), job.kind());
            job.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private void forgetOldest() {
        var finished = jobs.values().stream().filter(RuleJob::finished).toList();
        for (int i = 0; i < finished.size() && jobs.size() > KEPT; i++) {
            jobs.remove(finished.get(i).id());
        }
    }

    @PreDestroy
    void stop() {
        jobs.values().forEach(RuleJob::cancel);
        worker.shutdownNow();
    }
}
