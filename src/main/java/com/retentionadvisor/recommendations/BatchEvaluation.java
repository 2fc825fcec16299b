package com.retentionadvisor.recommendations;

import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import com.retentionadvisor.customers.Customer;
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

    private final Set<String> waiting = new ConcurrentSkipListSet<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final ExecutorService afterIngest = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "evaluation-after-ingest");
        thread.setDaemon(true);
        return thread;
    });

    @Scheduled(identity = "batch-evaluation", cron = "{retention.evaluation.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        start();
    }

    /** Queues an evaluation of every customer, as a job with progress (in the log, the job view and the metrics). */
    public RuleJob start() {
        return jobs.start(KIND, job -> metrics.batchEvaluation(job::share, job::stopped, () -> {
            long started = System.nanoTime();
            int[] evaluated = {0};
            customerBase.walkIds(null, job, id -> {
                QuarkusTransaction.requiringNew().run(() -> evaluations.evaluate(Customer.<Customer>findById(id)));
                metrics.customerEvaluatedInBatch();
                if (++evaluated[0] % LOG_EVERY == 0) {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    LOG.infof("Batch evaluation: %d of %d customers, %.0f customers/s", evaluated[0], job.view().total(),
                            evaluated[0] / seconds);
                }
            });
            double seconds = (System.nanoTime() - started) / 1e9;
            return new Summary(evaluated[0], seconds, seconds == 0 ? 0 : evaluated[0] / seconds);
        }));
    }

    /** What a batch evaluation did. */
    public record Summary(int customers, double seconds, double customersPerSecond) {
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
    }
}
