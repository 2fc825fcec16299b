package com.retentionadvisor.customers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.retentionadvisor.callers.CallerScope;

/**
 * The stored ids of many customers named by their external ids, as far as the caller may see them (a manager only
 * their own): what bulk reads start from. A customer the caller may not see is left out exactly as an unknown one.
 */
@RequestScoped
public class CustomerIds {

    // One statement resolves this many external ids at most (PostgreSQL takes 32,767 parameters).
    private static final int CHUNK = 1_000;

    @Inject
    CallerScope scope;

    @Inject
    EntityManager em;

    /** The ids of the customers the caller may see, by external id; unknown and invisible ones are absent. */
    @Transactional
    public Map<String, Long> visible(List<String> externalIds) {
        Map<String, Long> ids = new HashMap<>();
        String manager = scope.limitedToManager().orElse(null);
        List<String> distinct = externalIds.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + CHUNK));
            var query = em.createQuery("select c.externalId, c.id from Customer c where c.externalId in :ids"
                    + (manager == null ? "" : " and c.manager.externalId = :manager"), Object[].class)
                    .setParameter("ids", chunk);
            if (manager != null) {
                query.setParameter("manager", manager);
            }
            query.getResultList().forEach(row -> ids.put((String) row[0], (Long) row[1]));
        }
        return ids;
    }
}
