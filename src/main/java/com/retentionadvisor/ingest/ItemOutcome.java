package com.retentionadvisor.ingest;

/** What happened to one item of a batch. */
public enum ItemOutcome {
    CREATED, UPDATED, UNCHANGED, REJECTED
}
