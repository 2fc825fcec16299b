package com.retentionadvisor.advice;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How many customers one bulk request may name. */
@ConfigMapping(prefix = "retention.bulk")
public interface BulkConfig {

    /** Customers in one advice query (POST /api/advice/query). */
    @WithDefault("1000")
    int maxAdviceCustomers();

    /** Customers in one audience check (POST /api/contact-checks). */
    @WithDefault("50000")
    int maxAudienceCustomers();

    /**
     * How old an evaluation must be before the export gives it: evaluations are stamped before they commit, so a
     * younger one may still be committing behind an older stamp. The next export gives it.
     */
    @WithDefault("30S")
    Duration exportSettle();
}
