package com.retentionadvisor.ingest;

import java.util.Optional;

import com.retentionadvisor.records.IngestedRecord;

/**
 * How one kind of CRM record (contacts, deals, …) is stored. The batch mechanics — validation, idempotency,
 * references, per-item results — live once in {@link BatchIngestService}.
 */
public interface RecordKind<I extends IngestItem, R extends IngestedRecord> {

    /** The plural name used in URLs and results, e.g. "contacts". */
    String name();

    Class<R> recordType();

    R newRecord();

    /** Copies the item onto the record; the records it names are already resolved. */
    void copy(I item, R record, Links links);

    /**
     * Why this item may not change the stored record, if it may not (the item is then rejected, the rest written);
     * empty when it may.
     */
    default Optional<String> refusal(I item, R stored, Links links) {
        return Optional.empty();
    }
}
