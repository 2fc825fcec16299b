package com.retentionadvisor.callers;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.security.identity.SecurityIdentity;

import com.retentionadvisor.problems.UnknownRecordException;

/**
 * The caller's limits: a manager caller is limited to one manager (their own worklist, digest and customers), every
 * other role sees what its endpoints allow. The features apply the limit to what they own ({@code VisibleCustomers},
 * {@code VisibleRecommendations}); whatever a manager may not see answers exactly as if it did not exist (404), so
 * that ids don't leak.
 */
@RequestScoped
public class CallerScope {

    /** The identity attribute that ties a manager caller to a manager (the CRM's external id). */
    public static final String MANAGER_ATTRIBUTE = "manager";

    @Inject
    SecurityIdentity identity;

    /** The manager whose customers the caller is limited to; empty when the caller's role sees every customer. */
    public Optional<String> limitedToManager() {
        if (!identity.hasRole(Roles.MANAGER) || identity.hasRole(Roles.ADMIN)) {
            return Optional.empty();
        }
        // A manager caller tied to no manager sees nobody's customers.
        String manager = identity.getAttribute(MANAGER_ATTRIBUTE);
        return Optional.of(manager == null ? "" : manager);
    }

    public String callerName() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    public boolean seesManager(String managerExternalId) {
        return limitedToManager().map(manager -> manager.equals(managerExternalId)).orElse(true);
    }

    /** Goes on only when the caller may see the manager's worklist and digest; otherwise the 404 of an unknown manager. */
    public void requireManager(String managerExternalId) {
        if (!seesManager(managerExternalId)) {
            throw new UnknownRecordException("externalId", "manager", managerExternalId);
        }
    }
}
