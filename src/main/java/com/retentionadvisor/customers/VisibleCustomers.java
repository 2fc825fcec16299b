package com.retentionadvisor.customers;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.retentionadvisor.callers.CallerScope;
import com.retentionadvisor.problems.UnknownRecordException;

/**
 * The customers the caller may see: a manager only those currently assigned to them, every other role all of them.
 * A customer the caller may not see answers exactly as an unknown one (404), so that ids don't leak.
 */
@RequestScoped
public class VisibleCustomers {

    @Inject
    CallerScope scope;

    @Transactional
    public boolean includes(String customerExternalId) {
        return scope.limitedToManager().map(manager -> Customer.isManagedBy(customerExternalId, manager)).orElse(true);
    }

    /** Goes on only when the caller may see the customer; otherwise the same 404 as for an unknown customer. */
    public void require(String customerExternalId) {
        if (!includes(customerExternalId)) {
            throw new UnknownRecordException("externalId", "customer", customerExternalId);
        }
    }
}
