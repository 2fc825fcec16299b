package com.retentionadvisor.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "retention.ingest")
public interface IngestConfig {

    /** The most items one batch request may carry; more answers 413. */
    @WithDefault("10000")
    int maxItems();
}
