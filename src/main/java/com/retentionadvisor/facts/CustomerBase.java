package com.retentionadvisor.facts;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

import com.retentionadvisor.customers.Customer;

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

    /** How a walk reports and is stopped. */
    public interface Progress {

        void total(int customers);

        void advanced(int customers);

        /** Whether the walk should stop before the next customer. */
        boolean stopped();
    }

    /**
     * Calls {@code each} with the facts of every customer, or of {@code sample} customers picked by a stable hash of
     * their ids (the same sample every time), as of {@code asOf}. Stops early when the progress says so.
     */
    public void walk(Instant asOf, Integer sample, Progress progress, Consumer<CustomerFacts> each) {
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> customerIds(sample));
        progress.total(ids.size());
        for (int from = 0; from < ids.size() && !progress.stopped(); from += PAGE_SIZE) {
            List<Long> page = ids.subList(from, Math.min(ids.size(), from + PAGE_SIZE));
            List<CustomerFacts> pageFacts = QuarkusTransaction.requiringNew().call(() -> Customer.<Customer>list("id in ?1", page)
                    .stream().map(customer -> facts.factsFor(customer, asOf)).toList());
            for (CustomerFacts customerFacts : pageFacts) {
                if (progress.stopped()) {
                    return;
                }
                each.accept(customerFacts);
                progress.advanced(1);
            }
        }
    }

    /** Calls {@code each} with the id of every customer, or of a stable sample; stops early when the progress says so. */
    public void walkIds(Integer sample, Progress progress, LongConsumer each) {
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> customerIds(sample));
        progress.total(ids.size());
        for (long id : ids) {
            if (progress.stopped()) {
                return;
            }
            each.accept(id);
            progress.advanced(1);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Long> customerIds(Integer sample) {
        String sql = sample == null
                ? "select id from customer order by id"
                : "select id from customer order by md5(external_id), id limit " + sample;
        return ((List<Number>) em.createNativeQuery(sql).getResultList()).stream().map(Number::longValue).toList();
    }
}
