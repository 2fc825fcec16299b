package com.retentionadvisor.recommendations;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "retention.evaluation")
public interface EvaluationConfig {

    /** When the whole base is evaluated again (Quarkus cron, e.g. "0 0 5 * * ?"), or "off". */
    @WithDefault("0 0 5 * * ?")
    String cron();

    /**
     * How many pages of customers a batch evaluation works on at once, each on its own thread with its own database
     * connection; 0 (the default) is one per processor core, at most 4 (the connection pool keeps 20).
     */
    @WithDefault("0")
    int threads();

    /** Whether customers are evaluated again, in the background, when a batch brings new data for them. */
    @WithDefault("true")
    boolean onIngest();
}
