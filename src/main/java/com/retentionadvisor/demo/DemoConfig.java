package com.retentionadvisor.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "retention.demo")
public interface DemoConfig {

    /** Whether to load the demo base at startup (on in dev mode). */
    @WithDefault("false")
    boolean enabled();

    @WithDefault("300")
    int customers();

    /** The generator's seed: the same seed gives the same customers and stories. */
    @WithDefault("42")
    long seed();
}
