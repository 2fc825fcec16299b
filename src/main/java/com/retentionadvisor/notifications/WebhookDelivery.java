package com.retentionadvisor.notifications;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Delivers the outbox to the CRM's webhook: each due row in a transaction of its own, locked so that no other instance
 * sends it meanwhile; a 2xx answer delivers it, anything else is tried again later (exponential backoff) until the
 * attempts run out. Every attempt is logged. Delivery is at least once: the receiver drops repeats by X-Retention-Delivery.
 */
@ApplicationScoped
public class WebhookDelivery {

    private static final Logger LOG = Logger.getLogger(WebhookDelivery.class);
    // Rows attempted in one poll at most, so that a long backlog does not hold the scheduler thread for ever.
    private static final int ROWS_PER_POLL = 100;
    private static final int SHOWN_BODY_CHARS = 200;
    private static final int MIN_SECRET_LENGTH = 16;

    @Inject
    WebhookConfig config;

    @Inject
    ObjectMapper mapper;

    private volatile HttpClient client;

    // A url without a usable secret would send unsigned or guessable events: refuse to start instead.
    void checkSettings(@Observes StartupEvent start) {
        if (config.url().isEmpty()) {
            LOG.info("No webhook url (retention.webhooks.url): CRM notifications are not queued");
            return;
        }
        URI url = config.url().get();
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
            throw new IllegalStateException("retention.webhooks.url must be an absolute http(s) url, not '" + url + "'");
        }
        if (config.secret().map(String::strip).orElse("").length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("retention.webhooks.secret (RETENTION_WEBHOOKS_SECRET) must be set to at least "
                    + MIN_SECRET_LENGTH + " characters when retention.webhooks.url is set: the CRM checks every event's signature with it");
        }
        LOG.infof("CRM notifications go to %s, checked every %s, at most %d attempts each", url, config.poll(), config.maxAttempts());
    }

    @Scheduled(identity = "webhook-delivery", every = "{retention.webhooks.poll}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        deliverDue();
    }

    /** Attempts every row that is due, up to a poll's worth; answers how many were attempted. */
    public int deliverDue() {
        if (config.url().isEmpty()) {
            return 0;
        }
        int attempted = 0;
        while (attempted < ROWS_PER_POLL && QuarkusTransaction.requiringNew().call(this::attemptNextDue)) {
            attempted++;
        }
        return attempted;
    }

    // The row stays locked while the CRM answers: the timeout bounds how long.
    private boolean attemptNextDue() {
        Optional<OutboxEntry> due = OutboxEntry.lockNextDue(Instant.now());
        due.ifPresent(this::attempt);
        return due.isPresent();
    }

    private void attempt(OutboxEntry entry) {
        Instant started = Instant.now();
        long startedNanos = System.nanoTime();
        Answer answer = post(entry);
        DeliveryAttempt logged = new DeliveryAttempt();
        logged.outboxId = entry.id;
        logged.attempt = entry.attempts + 1;
        logged.attemptedAt = started;
        logged.httpStatus = answer.httpStatus();
        logged.error = limited(answer.error());
        logged.durationMs = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - startedNanos) / 1_000_000);
        logged.persist();

        entry.attempts++;
        if (answer.error() == null) {
            entry.status = OutboxStatus.DELIVERED;
            entry.deliveredAt = Instant.now();
            entry.lastError = null;
            return;
        }
        entry.lastError = limited(answer.error());
        Optional<Duration> wait = RetrySchedule.of(config).waitAfter(entry.attempts);
        if (wait.isPresent()) {
            entry.nextAttemptAt = Instant.now().plus(wait.get());
            LOG.debugf("Delivery %d (%s) failed, attempt %d: %s; next in %s", entry.id, entry.eventType, entry.attempts, answer.error(), wait.get());
        } else {
            entry.status = OutboxStatus.FAILED;
            LOG.warnf("Delivery %d (%s, %s) given up after %d attempts: %s", entry.id, entry.eventType, entry.idempotencyKey,
                    entry.attempts, answer.error());
        }
    }

    /** What the CRM answered: the status when it answered, an error unless it was a 2xx. */
    private record Answer(Integer httpStatus, String error) {
    }

    private Answer post(OutboxEntry entry) {
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(entry.payload);
        } catch (JsonProcessingException e) {
            return new Answer(null, "the payload could not be written: " + e.getOriginalMessage());
        }
        HttpRequest request = HttpRequest.newBuilder(config.url().orElseThrow())
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "retention-advisor")
                .header(WebhookSignature.HEADER, WebhookSignature.of(config.secret().orElseThrow().strip(), body))
                .header("X-Retention-Event", entry.eventType.name())
                .header("X-Retention-Delivery", String.valueOf(entry.id))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<String> response = client().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Answer(status, null);
            }
            String shown = response.body() == null ? "" : response.body().strip();
            shown = shown.length() <= SHOWN_BODY_CHARS ? shown : shown.substring(0, SHOWN_BODY_CHARS) + "…";
            return new Answer(status, "HTTP " + status + (shown.isEmpty() ? "" : ": " + shown));
        } catch (HttpTimeoutException e) {
            return new Answer(null, "no answer within " + config.timeout().toSeconds() + " s");
        } catch (IOException e) {
            return new Answer(null, "could not reach the webhook: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, "interrupted while sending");
        }
    }

    private static String limited(String error) {
        return error == null || error.length() <= 1000 ? error : error.substring(0, 999) + "…";
    }

    private HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        }
        return client;
    }
}
