package com.retentionadvisor.notifications;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The daily digest per manager: when it is queued, how long its list is, which day it is in which zone. */
@ConfigMapping(prefix = "retention.digest")
public interface DigestConfig {

    /** When the day's digests are queued (Quarkus cron), or "off". */
    @WithDefault("0 0 7 * * ?")
    String cron();

    /** How many recommendations each list of the digest shows (most urgent, new since yesterday), highest rank first. */
    @WithDefault("5")
    int top();

    /** The time zone whose days the digest counts ("yesterday" starts at its midnight). */
    @WithDefault("UTC")
    ZoneId zone();

    /** The language of the scheduled digests' e-mail body: en or ru. */
    @WithDefault("en")
    String language();
}
