package com.retentionadvisor.notifications;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The CRM's webhook: where events go, how they are signed, and how often a failed delivery is tried again. */
@ConfigMapping(prefix = "retention.webhooks")
public interface WebhookConfig {

    /** Where events are POSTed. Without it nothing is queued (an outbox nobody drains would only grow). */
    Optional<URI> url();

    /** The shared secret the signature is made with; required when a url is set. Never committed for production. */
    Optional<String> secret();

    /** How often the outbox is checked for deliveries that are due (Quarkus duration, e.g. 10s). */
    @WithDefault("10s")
    String poll();

    /** Attempts before a delivery is given up as FAILED. */
    @WithDefault("8")
    int maxAttempts();

    /** The wait after the first failed attempt; it doubles after each further one. */
    @WithDefault("30s")
    Duration backoff();

    /** The longest wait between two attempts. */
    @WithDefault("1h")
    Duration backoffMax();

    /** How long one attempt may take, connecting included. */
    @WithDefault("10s")
    Duration timeout();
}
