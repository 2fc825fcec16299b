package com.retentionadvisor.demo;

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
 * manager and API keys for the CRM and an analyst, with passwords and keys chosen at random (or set from the
 * environment), printed once in the log with how to sign in. Nothing of it is in the repository.
 */
@ApplicationScoped
public class DemoCallers {

    private static final Logger LOG = Logger.getLogger(DemoCallers.class);
    static final String ADMIN = "admin";
    static final String ANALYST = "analyst";
    static final String CRM_KEY = "crm-demo";
    static final String ANALYST_KEY = "analyst-demo";

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
        callers.resetUser(ADMIN, adminPassword, Roles.ADMIN, null, "demo");
        callers.resetUser(ANALYST, analystPassword, Roles.ANALYST, null, "demo");
        for (int m = 1; m <= DemoData.MANAGERS; m++) {
            callers.resetUser(managerUser(m), managerPassword, Roles.MANAGER, DemoData.managerId(m), "demo");
        }
        callers.replaceKey(crmKey, CRM_KEY, Roles.CRM, null, "demo");
        callers.replaceKey(analystKey, ANALYST_KEY, Roles.ANALYST, null, "demo");
        String base = "http://localhost:" + port;
        LOG.infof("""
                Demo callers (new passwords and keys at every start unless set with RETENTION_DEMO_*; see the README):
                  sign in at %s/login
                    %-9s %s   (admin: everything, and the callers)
                    %-9s %s   (analyst: the rules)
                    %-9s %s   (manager: the customers of %s; demo-m2 … demo-m%d the same password)
                  API keys, sent as "Authorization: Bearer <key>":
                    crm      %s
                    analyst  %s
                  try: curl -H 'Authorization: Bearer %s' %s/api/customers/%s/advice""",
                base, ADMIN, shown(adminPassword, config.adminPassword().isPresent()),
                ANALYST, shown(analystPassword, config.analystPassword().isPresent()),
                managerUser(1), shown(managerPassword, config.managerPassword().isPresent()), DemoData.managerId(1),
                DemoData.MANAGERS, shown(crmKey, config.crmKey().isPresent()), shown(analystKey, config.analystKey().isPresent()),
                shownInCurl(crmKey, config.crmKey().isPresent()), base, DemoData.customerId(5));
    }

    static String managerUser(int number) {
        return "demo-m" + number;
    }

    // What was set from the environment stays out of the log: whoever set it knows it.
    private static String shown(String secret, boolean fromEnvironment) {
        return fromEnvironment ? "(as set in the environment)" : secret;
    }

    private static String shownInCurl(String key, boolean fromEnvironment) {
        return fromEnvironment ? "$RETENTION_DEMO_CRM_KEY" : key;
    }
}
