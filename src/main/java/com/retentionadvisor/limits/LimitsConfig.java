package com.retentionadvisor.limits;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "retention.limits")
public interface LimitsConfig {

    /**
     * The largest body one request may declare (Content-Length); more answers 413 with a problem document before the
     * body is read. Keep quarkus.http.limits.max-body-size a little above it: that one cuts bodies sent without a
     * length (chunked), with a bare 413.
     */
    @WithDefault("20M")
    MemorySize maxBodySize();

    /** Requests each caller may make per second on average under /api (the caller: its credential, else its address). */
    @WithDefault("200")
    double requestsPerSecond();

    /** Requests a caller may make at once above that rate, after being quiet. */
    @WithDefault("400")
    int burst();
}
