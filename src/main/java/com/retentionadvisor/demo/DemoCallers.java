package com.retentionadvisor.demo;

import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import com.retentionadvisor.callers.Callers;
import com.retentionadvisor.callers.Roles;

/**
 * The demo's callers, made at every start where the demo data is on: an admin, an analyst, a manager for each demo
 * manager and API keys for the CRM, an analyst and an admin, with passwords and keys chosen at random (or set from the
 * environment), printed once in the log with how to sign in. Nothing of it is in the repository.
 */
@ApplicationScoped
public class DemoCallers {

    private static final Logger LOG = Logger.getLogger(DemoCallers.class);
    static final String ADMIN = "admin";
    static final String ANALYST = "analyst";
    static final String CRM_KEY = "crm-demo";
    static final String ANALYST_KEY = "analyst-demo";
    static final String ADMIN_KEY = "admin-demo";

    @Inject
    DemoConfig config;

    @Inject
    Callers callers;

    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
    int port;

    // After the demo data (priority 2500), so that the log ends with how to sign in.
    void onStart(@Observes @Priority(3000) StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        String adminPassword = config.adminPassword().orElseGet(Callers::newPassword);
        String analystPassword = config.analystPassword().orElseGet(Callers::newPassword);
        String managerPassword = config.managerPassword().orElseGet(Callers::newPassword);
        String crmKey = config.crmKey().orElseGet(Callers::newKey);
        String analystKey = config.analystKey().orElseGet(Callers::newKey);
        String adminKey = config.adminKey().orElseGet(Callers::newKey);
        callers.resetUser(ADMIN, adminPassword, Roles.ADMIN, null, "demo");
        callers.resetUser(ANALYST, analystPassword, Roles.ANALYST, null, "demo");
        for (int m = 1; m <= DemoData.MANAGERS; m++) {
            callers.resetUser(managerUser(m), managerPassword, Roles.MANAGER, DemoData.managerId(m), "demo");
        }
        callers.replaceKey(crmKey, CRM_KEY, Roles.CRM, null, "demo");
        callers.replaceKey(analystKey, ANALYST_KEY, Roles.ANALYST, null, "demo");
        callers.replaceKey(adminKey, ADMIN_KEY, Roles.ADMIN, null, "demo");
        String base = "http://localhost:" + port;
        LOG.infof("""
                Demo callers (new passwords and keys at every start unless set with RETENTION_DEMO_*; see docs/operations.md):
                  sign in at %s/login
                    %-9s %s   (admin: everything, and the callers)
                    %-9s %s   (analyst: the rules)
                    %-9s %s   (manager: the customers of %s; demo-m2 … demo-m%d the same password)
                  API keys, sent as "Authorization: Bearer <key>"; paste these lines into a shell for the examples in README.md and docs/:
                    export CRM_KEY=%s
                    export ANALYST_KEY=%s RETENTION_API_KEY=%s
                    export ADMIN_KEY=%s
                  then: curl -H "Authorization: Bearer $CRM_KEY" %s/api/customers/%s/advice""",
                base, ADMIN, shown(adminPassword, config.adminPassword()), ANALYST, shown(analystPassword, config.analystPassword()),
                managerUser(1), shown(managerPassword, config.managerPassword()), DemoData.managerId(1), DemoData.MANAGERS,
                shown(crmKey, config.crmKey()), shown(analystKey, config.analystKey()), shown(analystKey, config.analystKey()),
                shown(adminKey, config.adminKey()), base, DemoData.customerId(5));
    }

    static String managerUser(int number) {
        return "demo-m" + number;
    }

    // What was set from the environment stays out of the log: whoever set it knows it.
    private static String shown(String secret, Optional<String> fromEnvironment) {
        return fromEnvironment.isPresent() ? "(as set in the environment)" : secret;
    }
}
