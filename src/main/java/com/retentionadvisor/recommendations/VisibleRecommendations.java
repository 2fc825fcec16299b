package com.retentionadvisor.recommendations;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.retentionadvisor.callers.CallerScope;

/** The recommendations the caller may see: a manager only those on their own customers, every other role all of them. */
@RequestScoped
public class VisibleRecommendations {

    @Inject
    CallerScope scope;

    @Transactional
    public boolean includes(long id) {
        return scope.limitedToManager().map(manager -> Recommendation.isOnCustomerOf(id, manager)).orElse(true);
    }
}
