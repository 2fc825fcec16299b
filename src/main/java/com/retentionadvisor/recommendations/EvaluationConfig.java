package com.retentionadvisor.recommendations;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "retention.evaluation")
public interface EvaluationConfig {

    /** When the whole base is evaluated again (Quarkus cron, e.g. "0 0 5 * * ?"), or "off". */
    @WithDefault("0 0 5 * * ?")
    String cron();

    /** Whether customers are evaluated again, in the background, when a batch brings new data for them. */
    @WithDefault("true")
    boolean onIngest();
}
