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

    // Resolvable once Quarkus Security is in the build; until then every request is anonymous.
    @Inject
    Instance<SecurityIdentity> identity;

    /**
     * The signed-in user when there is one; else the name the caller gave where the API asks for one (publishedBy,
     * rolledBackBy); else "anonymous".
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
