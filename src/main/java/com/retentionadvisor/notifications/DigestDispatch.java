package com.retentionadvisor.notifications;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import com.retentionadvisor.customers.Manager;
import com.retentionadvisor.problems.ForbiddenHereException;

/**
 * Queues the day's digest of every manager who has something open or new, as a DAILY_DIGEST webhook: on a schedule
 * (retention.digest.cron) or when asked. A manager's digest of a date is queued once, however often this runs.
 */
@ApplicationScoped
public class DigestDispatch {

    private static final Logger LOG = Logger.getLogger(DigestDispatch.class);

    @Inject
    Digests digests;

    @Inject
    Outbox outbox;

    @Inject
    DigestConfig config;

    /** What one run did: digests queued now, queued before (same manager and date), and managers with nothing to tell. */
    public record Summary(LocalDate date, int managers, int queued, int alreadyQueued, int nothingToTell) {
    }

    private enum Result {
        QUEUED, ALREADY_QUEUED, NOTHING_TO_TELL
    }

    @Scheduled(identity = "daily-digest", cron = "{retention.digest.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        if (!outbox.isOn()) {
            LOG.debug("No webhook url: no daily digests are queued");
            return;
        }
        Summary summary = queueAll(LocalDate.now(config.zone()));
        LOG.infof("Daily digests for %s: %d queued, %d queued before, %d managers with nothing to tell", summary.date(),
                summary.queued(), summary.alreadyQueued(), summary.nothingToTell());
    }

    /** Queues every manager's digest for the date, each in a transaction of its own. */
    public Summary queueAll(LocalDate date) {
        if (!outbox.isOn()) {
            throw new ForbiddenHereException("no webhook url is set (retention.webhooks.url): digests can be previewed "
                    + "at GET /api/managers/{id}/digest but not queued");
        }
        List<Long> managerIds = QuarkusTransaction.requiringNew().call(() -> Manager.getEntityManager()
                .createQuery("select m.id from Manager m order by m.id", Long.class).getResultList());
        int[] counts = new int[Result.values().length];
        for (Long id : managerIds) {
            Result result = QuarkusTransaction.requiringNew().call(() -> queue(Manager.findById(id), date));
            counts[result.ordinal()]++;
        }
        return new Summary(date, managerIds.size(), counts[Result.QUEUED.ordinal()], counts[Result.ALREADY_QUEUED.ordinal()],
                counts[Result.NOTHING_TO_TELL.ordinal()]);
    }

    private Result queue(Manager manager, LocalDate date) {
        DailyDigest digest = digests.of(manager, date, config.language());
        if (digest.hasNothingToTell()) {
            return Result.NOTHING_TO_TELL;
        }
        return outbox.queue(NotificationEvent.DAILY_DIGEST, "digest:" + manager.externalId + ":" + date, digest)
                ? Result.QUEUED : Result.ALREADY_QUEUED;
    }
}
