package com.retentionadvisor.customers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.retentionadvisor.callers.CallerScope;
import com.retentionadvisor.problems.UnknownRecordException;

/**
 * The customers the caller may see: a manager only those currently assigned to them, every other role all of them.
 * A customer the caller may not see answers exactly as an unknown one (404), so that ids don't leak.
 */
@RequestScoped
public class VisibleCustomers {

    // One statement resolves this many external ids at most (PostgreSQL takes 32,767 parameters).
    private static final int CHUNK = 1_000;

    @Inject
    CallerScope scope;

    @Inject
    EntityManager em;

    @Transactional
    public boolean includes(String customerExternalId) {
        return scope.limitedToManager().map(manager -> Customer.isManagedBy(customerExternalId, manager)).orElse(true);
    }

    /**
     * The stored ids of many customers named by their external ids, as far as the caller may see them: what bulk
     * reads start from. Unknown customers and those the caller may not see are absent alike.
     */
    @Transactional
    public Map<String, Long> idsOf(List<String> externalIds) {
        Map<String, Long> ids = new HashMap<>();
        String manager = scope.limitedToManager().orElse(null);
        List<String> distinct = externalIds.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            var query = em.createQuery("select c.externalId, c.id from Customer c where c.externalId in :ids"
                    + (manager == null ? "" : " and c.manager.externalId = :manager"), Object[].class)
                    .setParameter("ids", distinct.subList(from, Math.min(distinct.size(), from + CHUNK)));
            if (manager != null) {
                query.setParameter("manager", manager);
            }
            query.getResultList().forEach(row -> ids.put((String) row[0], (Long) row[1]));
        }
        return ids;
    }

    /** Goes on only when the caller may see the customer; otherwise the same 404 as for an unknown customer. */
    public void require(String customerExternalId) {
        if (!includes(customerExternalId)) {
            throw new UnknownRecordException("externalId", "customer", customerExternalId);
        }
    }
}
