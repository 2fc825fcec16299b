package com.retentionadvisor.rules;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "retention.rules")
public interface RulesConfig {

    /** The folder holding the rule files, relative to the working directory unless absolute. */
    @WithDefault("rules")
    String dir();

    /** Rule firings allowed in one evaluation before it is stopped as a loop. */
    @WithDefault("10000")
    int maxFirings();
}
