package com.retentionadvisor.web;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "retention.web")
public interface WebConfig {

    /** The time zone the manager page shows dates in (e.g. Europe/Moscow); the server's own zone when absent. */
    Optional<String> timeZone();
}
