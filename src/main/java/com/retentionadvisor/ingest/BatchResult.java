package com.retentionadvisor.ingest;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The answer to a batch: counts per outcome and one line per item, in the order sent. */
public record BatchResult(String kind, Map<ItemOutcome, Integer> counts, List<Item> items) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "BatchItemResult")
    public record Item(int index, String externalId, ItemOutcome result, String reason) {
    }

    static BatchResult of(String kind, List<Item> items) {
        Map<ItemOutcome, Integer> counts = new EnumMap<>(ItemOutcome.class);
        for (ItemOutcome outcome : ItemOutcome.values()) {
            counts.put(outcome, 0);
        }
        items.forEach(item -> counts.merge(item.result(), 1, Integer::sum));
        return new BatchResult(kind, counts, items);
    }
}
