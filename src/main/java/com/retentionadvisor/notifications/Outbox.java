package com.retentionadvisor.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Queues events for the CRM's webhook and shows what was queued and how its delivery went. */
@ApplicationScoped
public class Outbox {

    public static final int MAX_PAGE_SIZE = 100;

    @Inject
    WebhookConfig config;

    @Inject
    ObjectMapper mapper;

    /** One queued event as the API shows it, with every attempt to deliver it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "OutboxEntry")
    public record EntryView(long id, NotificationEvent event, String key, OutboxStatus status, int attempts,
            Instant createdAt, Instant nextAttemptAt, Instant deliveredAt, String lastError, List<AttemptView> deliveries,
            JsonNode payload) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AttemptView(int attempt, Instant attemptedAt, Integer httpStatus, String error, int durationMs) {
    }

    public record OutboxPage(int page, int size, long total, List<EntryView> items) {
    }

    /** Whether events are queued at all: only where a webhook url is set. */
    public boolean isOn() {
        return config.url().isPresent();
    }

    /**
     * Queues an event in the caller's transaction unless the same key was queued before (or no webhook is set);
     * answers whether it was queued.
     */
    public boolean queue(NotificationEvent event, String idempotencyKey, Object payload) {
        if (!isOn()) {
            return false;
        }
        try {
            return OutboxEntry.queue(event, idempotencyKey, mapper.writeValueAsString(payload), Instant.now());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the " + event + " payload as JSON", e);
        }
    }

    /** A page of queued events, newest first, with their delivery attempts. */
    @Transactional
    public OutboxPage list(OutboxStatus status, NotificationEvent event, String key, int page, int size) {
        var query = OutboxEntry.findListed(status, event, key, page, size);
        List<OutboxEntry> entries = query.list();
        Map<Long, List<AttemptView>> attempts = DeliveryAttempt.listFor(entries.stream().map(entry -> entry.id).toList()).stream()
                .collect(Collectors.groupingBy(attempt -> attempt.outboxId, Collectors.mapping(
                        attempt -> new AttemptView(attempt.attempt, attempt.attemptedAt, attempt.httpStatus, attempt.error,
                                attempt.durationMs), Collectors.toList())));
        List<EntryView> items = entries.stream().map(entry -> new EntryView(entry.id, entry.eventType, entry.idempotencyKey,
                entry.status, entry.attempts, entry.createdAt, entry.status == OutboxStatus.PENDING ? entry.nextAttemptAt : null,
                entry.deliveredAt, entry.lastError, attempts.getOrDefault(entry.id, List.of()), entry.payload)).toList();
        return new OutboxPage(page, size, query.count(), items);
    }
}
