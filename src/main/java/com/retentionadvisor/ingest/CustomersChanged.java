package com.retentionadvisor.ingest;

import java.util.Set;

/** A batch wrote new or changed data for these customers (by external id). */
public record CustomersChanged(Set<String> customerExternalIds) {
}
