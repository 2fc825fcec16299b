package com.retentionadvisor.kpis;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "retention.kpis")
public interface KpiConfig {

    /** The longest expected customer lifetime a CLV assumes, in years: with little or no churn, 1 / churn would be endless. */
    @WithDefault("10")
    double lifetimeCapYears();
}
