package com.retentionadvisor.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.retentionadvisor.operations.RequestIds;

/**
 * The audit log: who published or rolled back rules, who changed a recommendation, who read a customer's card. A row
 * is written in the transaction of what it records: when it cannot be written, the act fails with it, reads included,
 * for an audit log that silently loses rows is worse than a failed request.
 */
@ApplicationScoped
public class AuditLog {

    public static final int MAX_PAGE_SIZE = 200;

    @Inject
    Actors actors;

    @Schema(name = "AuditEntry")
    public record EntryView(Instant at, String actor, AuditAction action, String subject, String requestId,
            Map<String, Object> detail) {
    }

    public record AuditPage(int page, int size, long total, List<EntryView> items) {
    }

    /** Records an act of the current actor (see {@link Actors}) in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AuditAction action, String subject, Map<String, Object> detail) {
        record(action, subject, null, detail);
    }

    /** Records an act in the caller's transaction; namedByCaller is the actor the API was told, if it asks for one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AuditAction action, String subject, String namedByCaller, Map<String, Object> detail) {
        AuditEntry entry = new AuditEntry();
        entry.at = Instant.now();
        entry.actor = actors.current(namedByCaller);
        entry.action = action;
        entry.subject = subject;
        entry.requestId = RequestIds.current();
        entry.detail = detail;
        entry.persist();
    }

    /** A page of the log, newest first. */
    @Transactional
    public AuditPage list(String subject, AuditAction action, Instant from, Instant to, int page, int size) {
        var query = AuditEntry.findListed(subject, action, from, to, page, size);
        List<EntryView> items = query.list().stream()
                .map(entry -> new EntryView(entry.at, entry.actor, entry.action, entry.subject, entry.requestId, entry.detail))
                .toList();
        return new AuditPage(page, size, query.count(), items);
    }
}
