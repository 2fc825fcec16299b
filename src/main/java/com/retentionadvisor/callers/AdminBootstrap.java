package com.retentionadvisor.callers;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * The first admin of a new installation: a person or a key from the environment. Without either, and with no admin
 * yet, the log says how to make one.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
    static final String KEY_NAME = "bootstrap-admin";

    @Inject
    SecurityConfig config;

    @Inject
    Callers callers;

    // After the demo's callers (priority 3000), which may include an admin.
    void onStart(@Observes @Priority(3500) StartupEvent event) {
        config.bootstrap().adminPassword().ifPresent(password -> {
            callers.resetUser(config.bootstrap().adminUser(), password, Roles.ADMIN, null, "bootstrap");
            LOG.infof("Admin '%s' may sign in with the password from retention.security.bootstrap.admin-password",
                    config.bootstrap().adminUser());
        });
        config.bootstrap().adminKey().ifPresent(key -> {
            callers.replaceKey(key, KEY_NAME, Roles.ADMIN, null, "bootstrap");
            LOG.infof("The API key from retention.security.bootstrap.admin-key is the admin key '%s'", KEY_NAME);
        });
        if (!callers.anyAdmin()) {
            LOG.warn("No admin can sign in yet, so nobody can issue API keys or create people: set "
                    + "RETENTION_SECURITY_BOOTSTRAP_ADMIN_PASSWORD (user 'admin') or RETENTION_SECURITY_BOOTSTRAP_ADMIN_KEY "
                    + "and start again (see docs/operations.md, \"Security and operations\")");
        }
    }
}
