package com.retentionadvisor.callers;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "retention.security")
public interface SecurityConfig {

    /** The first admin, for a new installation; set from the environment, never committed. */
    Bootstrap bootstrap();

    /**
     * Where to keep the key that encrypts the sign-in cookies when quarkus.http.auth.session.encryption-key is not set
     * (created there when missing); without either, a key is made at every start and sessions end at a restart.
     */
    Optional<String> sessionKeyFile();

    interface Bootstrap {

        /** The admin's username, for adminPassword. */
        @WithDefault("admin")
        String adminUser();

        /** RETENTION_SECURITY_BOOTSTRAP_ADMIN_PASSWORD: the admin signs in with it (set again at every start). */
        Optional<String> adminPassword();

        /** RETENTION_SECURITY_BOOTSTRAP_ADMIN_KEY: an admin API key (32 characters or more), named bootstrap-admin. */
        Optional<String> adminKey();
    }
}
