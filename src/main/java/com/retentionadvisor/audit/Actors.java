package com.retentionadvisor.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;

/** Who is acting: the one place that decides, so that authentication plugs in here and nowhere else. */
@ApplicationScoped
public class Actors {

    public static final String ANONYMOUS = "anonymous";

    @Inject
    Instance<SecurityIdentity> identity;

    /**
     * The caller (a person's username, or "key:" and an API key's name); outside a request (a job, the folder
     * watcher), the name given where the API asks for one (publishedBy, rolledBackBy); else "anonymous".
     */
    public String current(String namedByCaller) {
        if (identity.isResolvable() && Arc.container().requestContext().isActive()) {
            SecurityIdentity signedIn = identity.get();
            if (!signedIn.isAnonymous()) {
                return signedIn.getPrincipal().getName();
            }
        }
        return namedByCaller == null || namedByCaller.isBlank() ? ANONYMOUS : namedByCaller.strip();
    }
}
