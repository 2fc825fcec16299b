package com.retentionadvisor.facts;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

import com.retentionadvisor.jobs.Progress;

/**
 * Walks the whole customer base (or a sample) page by page, giving each customer's facts as of an instant: for work
 * over every customer, such as simulating or back-testing a ruleset. Memory holds one page at a time.
 */
@ApplicationScoped
public class CustomerBase {

    static final int PAGE_SIZE = 200;

    @Inject
    FactsService facts;

    @Inject
    EntityManager em;

    /**
     * Calls {@code each} with the facts of every customer, or of {@code sample} customers picked by a stable hash of
     * their ids (the same sample every time), as of {@code asOf}. Stops early when the progress says so.
     */
    public void walk(Instant asOf, Integer sample, Progress progress, Consumer<CustomerFacts> each) {
        pages(sample, progress, page -> {
            List<CustomerFacts> pageFacts = QuarkusTransaction.requiringNew().call(() -> facts.factsFor(page, asOf));
            for (CustomerFacts customerFacts : pageFacts) {
                if (progress.stopped()) {
                    return false;
                }
                each.accept(customerFacts);
                progress.advanced(1);
            }
            return true;
        });
    }

    /**
     * Gives {@code page} the customers' ids a page at a time, until it answers false: the whole base as it was at the
     * start (up to its highest id then), read page by page so that memory does not grow with the base, or a sample.
     * Sets the progress' total; advancing it is the caller's.
     */
    public void pages(Integer sample, Progress progress, Predicate<List<Long>> page) {
        if (sample != null) {
            List<Long> ids = QuarkusTransaction.requiringNew().call(() -> sampleIds(sample));
            progress.total(ids.size());
            for (int from = 0; from < ids.size() && !progress.stopped(); from += PAGE_SIZE) {
                if (!page.test(ids.subList(from, Math.min(ids.size(), from + PAGE_SIZE)))) {
                    return;
                }
            }
            return;
        }
        Object[] base = QuarkusTransaction.requiringNew().call(() -> (Object[]) em
                .createNativeQuery("select count(*), coalesce(max(id), 0) from customer").getSingleResult());
        progress.total(((Number) base[0]).intValue());
        long lastId = ((Number) base[1]).longValue();
        long after = Long.MIN_VALUE;
        while (!progress.stopped()) {
            long from = after;
            List<Long> ids = QuarkusTransaction.requiringNew().call(() -> idsAfter(from, lastId));
            if (ids.isEmpty() || !page.test(ids)) {
                return;
            }
            after = ids.get(ids.size() - 1);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Long> idsAfter(long after, long lastId) {
        return ((List<Number>) em.createNativeQuery("select id from customer where id > ?1 and id <= ?2 order by id limit ?3")
                .setParameter(1, after).setParameter(2, lastId).setParameter(3, PAGE_SIZE)
                .getResultList()).stream().map(Number::longValue).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Long> sampleIds(int sample) {
        return ((List<Number>) em.createNativeQuery("select id from customer order by md5(external_id), id limit ?1")
                .setParameter(1, sample).getResultList()).stream().map(Number::longValue).toList();
    }
}
