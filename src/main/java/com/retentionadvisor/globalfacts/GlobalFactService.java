package com.retentionadvisor.globalfacts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.retentionadvisor.facts.GlobalCondition;

/** Operator-set global facts, kept in PostgreSQL; evaluations read the active ones (cached for a few seconds). */
@ApplicationScoped
public class GlobalFactService {

    private static final Duration CACHE_FOR = Duration.ofSeconds(10);

    private volatile List<GlobalCondition> cached;
    private volatile Instant cachedAt = Instant.MIN;

    @Transactional
    public List<GlobalFactView> all() {
        return GlobalFact.<GlobalFact>listAll().stream().map(GlobalFactView::of).toList();
    }

    @Transactional
    public Optional<GlobalFactView> find(String name) {
        return GlobalFact.<GlobalFact>findByIdOptional(name).map(GlobalFactView::of);
    }

    @Transactional
    public GlobalFactView set(String name, boolean active, String note, String changedBy) {
        GlobalFact fact = GlobalFact.<GlobalFact>findByIdOptional(name).orElseGet(() -> {
            GlobalFact created = new GlobalFact();
            created.name = name;
            return created;
        });
        fact.active = active;
        fact.note = note;
        fact.changedAt = Instant.now();
        fact.changedBy = changedBy;
        fact.persist();
        return GlobalFactView.of(fact);
    }

    /** Makes the next evaluation read the active facts afresh; called once a change is committed. */
    public void forgetActive() {
        cachedAt = Instant.MIN;
    }

    /** The conditions every evaluation is given. */
    @Transactional
    public List<GlobalCondition> activeConditions() {
        if (cached == null || cachedAt.plus(CACHE_FOR).isBefore(Instant.now())) {
            cached = GlobalFact.findActive().stream().map(f -> new GlobalCondition(f.name)).toList();
            cachedAt = Instant.now();
        }
        return cached;
    }

    /**
     * The conditions known to hold at a past instant: active now and unchanged since. Facts keep no history, so one
     * changed after the instant may or may not have held then, and is left out.
     */
    @Transactional
    public List<GlobalCondition> conditionsKnownAt(Instant instant) {
        return GlobalFact.findActiveSince(instant).stream().map(f -> new GlobalCondition(f.name)).toList();
    }

    public record GlobalFactView(String name, boolean active, String note, Instant changedAt, String changedBy) {
        static GlobalFactView of(GlobalFact fact) {
            return new GlobalFactView(fact.name, fact.active, fact.note, fact.changedAt, fact.changedBy);
        }
    }
}
