package com.retentionadvisor.callers;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /**
     * How long a key found valid is answered from memory before the database is asked again (0S: always asked). A key
     * revoked on this instance is refused at once; one revoked on another instance within this time.
     */
    @WithDefault("30S")
    Duration keyCache();

    /** Tokens from the company's identity provider (OIDC / OAuth 2 access tokens as JWT): off until an issuer is set. */
    Jwt jwt();

    interface Jwt {

        /** The provider's issuer, exactly as its tokens' iss claim says it; tokens are accepted only when it is set. */
        Optional<String> issuer();

        /**
         * Where the provider publishes its signing keys: the JWKS URL (e.g. https://idp.example/realms/acme/protocol/
         * openid-connect/certs), or a file: or classpath: location of a JWKS or a PEM public key. Needed with issuer.
         */
        Optional<String> keysLocation();

        /**
         * The audiences a token must name one of (its aud claim): the advisor's client id at the provider. Needed with
         * issuer, so that a token the provider issued for another application is not accepted here.
         */
        Optional<Set<String>> audience();

        /** The claim with the caller's groups or roles; a nested one as a path, e.g. realm_access/roles. */
        @WithDefault("groups")
        String rolesClaim();

        /**
         * The provider's group or role names and the advisor role each one means (admin, analyst, manager, crm), e.g.
         * retention.security.jwt.role-mapping."retention-analysts"=analyst; a value that already is a role needs none.
         */
        Map<String, String> roleMapping();

        /** The claim that names a manager caller's manager (the CRM's external id of the manager). */
        @WithDefault("manager_id")
        String managerClaim();

        /** How many seconds a token's times (exp, iat) may be off the advisor's clock. */
        @WithDefault("60")
        int clockSkewSeconds();
    }

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
