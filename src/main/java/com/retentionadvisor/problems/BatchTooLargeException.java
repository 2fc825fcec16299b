package com.retentionadvisor.problems;

import java.util.List;

/** A batch holds more items than one request may carry. */
public final class BatchTooLargeException extends ApiException {

    public BatchTooLargeException(int size, int max) {
        super("the batch holds " + size + " items; at most " + max + " are accepted in one request: split it", List.of());
    }

    @Override
    int status() {
        return 413;
    }

    @Override
    String slug() {
        return "batch-too-large";
    }

    @Override
    String title() {
        return "Batch too large";
    }
}
