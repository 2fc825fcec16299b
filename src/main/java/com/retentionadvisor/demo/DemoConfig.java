package com.retentionadvisor.demo;

import java.util.Optional;

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

    /**
     * The demo's callers: people admin, analyst and demo-m1 … demo-m8 (one password for the eight managers) and the
     * API keys crm-demo, analyst-demo and admin-demo. Each is chosen at random at every start and printed once in the
     * log, unless set here (RETENTION_DEMO_ADMIN_PASSWORD, …, RETENTION_DEMO_CRM_KEY, …, RETENTION_DEMO_ADMIN_KEY).
     */
    Optional<String> adminPassword();

    Optional<String> analystPassword();

    Optional<String> managerPassword();

    Optional<String> crmKey();

    Optional<String> analystKey();

    Optional<String> adminKey();
}
