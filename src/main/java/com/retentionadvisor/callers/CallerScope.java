package com.retentionadvisor.callers;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.security.identity.SecurityIdentity;

import com.retentionadvisor.customers.Customer;
import com.retentionadvisor.problems.UnknownRecordException;
import com.retentionadvisor.recommendations.Recommendation;

/**
 * What the caller may see: a manager only the customers currently assigned to them (by the customer's current
 * manager), their own worklist and digest, and the recommendations on their customers; every other role what its
 * endpoints allow. Whatever a manager may not see answers exactly as if it did not exist (404), so that ids don't leak.
 * The one place where ownership is decided: resources and pages ask it before they answer.
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

    @Transactional
    public boolean seesCustomer(String customerExternalId) {
        return limitedToManager().map(manager -> Customer.isManagedBy(customerExternalId, manager)).orElse(true);
    }

    public boolean seesManager(String managerExternalId) {
        return limitedToManager().map(manager -> manager.equals(managerExternalId)).orElse(true);
    }

    @Transactional
    public boolean seesRecommendation(long id) {
        return limitedToManager().map(manager -> Recommendation.isOnCustomerOf(id, manager)).orElse(true);
    }

    /** Goes on only when the caller may see the customer; otherwise the same 404 as for an unknown customer. */
    public void requireCustomer(String customerExternalId) {
        if (!seesCustomer(customerExternalId)) {
            throw new UnknownRecordException("externalId", "customer", customerExternalId);
        }
    }

    /** Goes on only when the caller may see the manager's worklist and digest; otherwise the 404 of an unknown manager. */
    public void requireManager(String managerExternalId) {
        if (!seesManager(managerExternalId)) {
            throw new UnknownRecordException("externalId", "manager", managerExternalId);
        }
    }
}
