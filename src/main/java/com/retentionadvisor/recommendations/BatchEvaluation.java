package com.retentionadvisor.recommendations;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import com.retentionadvisor.facts.CustomerBase;
import com.retentionadvisor.ingest.CustomersChanged;
import com.retentionadvisor.operations.AdvisorMetrics;
import com.retentionadvisor.jobs.RuleJob;
import com.retentionadvisor.jobs.RuleJobs;

/**
 * Evaluates the whole customer base again on a schedule (retention.evaluation.cron) or when asked, page by page so
 * memory stays flat, with progress in the log and the job view; and, in the background, each customer a batch brought
 * new data for.
 */
@ApplicationScoped
public class BatchEvaluation {

    public static final String KIND = "evaluation";
    private static final Logger LOG = Logger.getLogger(BatchEvaluation.class);
    private static final int LOG_EVERY = 1000;
    /** Each thread holds a database connection: by default no more than a fifth of the pool's 20. */
    private static final int DEFAULT_THREADS_AT_MOST = 4;

    /** How many skipped customers a batch's summary names. */
    static final int SKIPPED_NAMED = 100;

    @Inject
    EvaluationService evaluations;

    @Inject
    CustomerBase customerBase;

    @Inject
    RuleJobs jobs;

    @Inject
    EvaluationConfig config;

    @Inject
    AdvisorMetrics metrics;

    private int threads;
    private ExecutorService pages;

    private final Set<String> waiting = new ConcurrentSkipListSet<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final ExecutorService afterIngest = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "evaluation-after-ingest");
        thread.setDaemon(true);
        return thread;
    });

    @PostConstruct
    void startThreads() {
        threads = config.threads() > 0 ? config.threads() : Math.min(Runtime.getRuntime().availableProcessors(), DEFAULT_THREADS_AT_MOST);
        AtomicInteger named = new AtomicInteger();
        pages = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "batch-evaluation-" + named.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Scheduled(identity = "batch-evaluation", cron = "{retention.evaluation.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        start();
    }

    /**
     * Queues an evaluation of every customer, as a job with progress (in the log, the job view and the metrics): pages
     * of customers (CustomerBase) on retention.evaluation.threads threads, each page in one transaction with its facts
     * and latest levels read at once (EvaluationService.evaluatePage). A page that fails stops the job, which ends
     * FAILED; the pages committed before stay.
     */
    public RuleJob start() {
        return jobs.start(KIND, job -> metrics.batchEvaluation(job::share, job::stopped, () -> {
            long started = System.nanoTime();
            AtomicInteger evaluated = new AtomicInteger();
            List<String> skipped = Collections.synchronizedList(new ArrayList<>());
            AtomicReference<RuntimeException> failure = new AtomicReference<>();
            Semaphore waiting = new Semaphore(threads * 2); // a page waiting for each thread: they never wait for the walk
            List<Future<?>> running = new ArrayList<>();
            customerBase.pages(null, job, page -> {
                if (failure.get() != null) {
                    return false;
                }
                waiting.acquireUninterruptibly();
                try {
                    running.add(pages.submit(() -> {
                        try {
                            EvaluationService.PageOutcome outcome = QuarkusTransaction.requiringNew()
                                    .call(() -> evaluations.evaluatePage(page));
                            int now = outcome.evaluated();
                            if (!outcome.skipped().isEmpty()) {
                                skipped.addAll(outcome.skipped());
                                LOG.warnf("Batch evaluation: skipped %s, whose rules ran over their budget (see the warnings above)",
                                        outcome.skipped());
                            }
                            metrics.customersEvaluatedInBatch(now);
                            job.advanced(page.size()); // a customer deleted since the walk began counts as done
                            int after = evaluated.addAndGet(now);
                            if (after / LOG_EVERY > (after - now) / LOG_EVERY) {
                                LOG.infof("Batch evaluation: %d of %d customers, %.0f customers/s", after, job.view().total(),
                                        after / ((System.nanoTime() - started) / 1e9));
                            }
                        } catch (RuntimeException e) {
                            LOG.errorf(e, "Batch evaluation: a page of %d customers from id %d failed; no further page is started",
                                    page.size(), page.get(0));
                            failure.compareAndSet(null, e);
                        } finally {
                            waiting.release();
                        }
                    }));
                } catch (RejectedExecutionException e) { // the service is stopping
                    waiting.release();
                    failure.compareAndSet(null, new IllegalStateException("the service is stopping", e));
                    return false;
                }
                return true;
            });
            for (Future<?> page : running) {
                try {
                    page.get();
                } catch (CancellationException | ExecutionException e) {
                    failure.compareAndSet(null, new IllegalStateException("a page of the batch did not end", e));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running.forEach(rest -> rest.cancel(true));
                    throw new IllegalStateException("interrupted while the batch evaluation ran", e);
                }
            }
            if (failure.get() != null) {
                throw failure.get();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            List<String> named;
            synchronized (skipped) {
                named = skipped.stream().sorted().limit(SKIPPED_NAMED).toList();
            }
            return new Summary(evaluated.get(), skipped.size(), named, seconds, seconds == 0 ? 0 : evaluated.get() / seconds);
        }));
    }

    /**
     * What a batch evaluation did: customers evaluated, customers skipped because their rules ran over budget (the
     * first {@value #SKIPPED_NAMED} of them named; the log names every one), the time it took and the rate.
     */
    public record Summary(int customers, int skipped, List<String> skippedCustomers, double seconds, double customersPerSecond) {
    }

    // After a batch is committed: its customers are evaluated again in the background, each once however often named.
    void onCustomersChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) CustomersChanged changed) {
        if (!config.onIngest()) {
            return;
        }
        waiting.addAll(changed.customerExternalIds());
        if (draining.compareAndSet(false, true)) {
            afterIngest.submit(this::drain);
        }
    }

    private void drain() {
        try {
            while (!waiting.isEmpty()) {
                for (String id : Set.copyOf(waiting)) {
                    waiting.remove(id);
                    try {
                        evaluations.evaluate(id);
                    } catch (RuntimeException e) {
                        LOG.errorf(e, "Evaluating customer %s after an ingest failed; the next evaluation will catch up", id);
                    }
                }
            }
        } finally {
            draining.set(false);
            if (!waiting.isEmpty() && draining.compareAndSet(false, true)) {
                afterIngest.submit(this::drain);
            }
        }
    }

    @PreDestroy
    void stop() {
        afterIngest.shutdownNow();
        pages.shutdownNow();
    }
}
