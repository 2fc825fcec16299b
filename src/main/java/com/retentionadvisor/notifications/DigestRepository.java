package com.retentionadvisor.notifications;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

import com.retentionadvisor.customers.Manager;
import com.retentionadvisor.recommendations.Recommendation;
import com.retentionadvisor.recommendations.RecommendationStatus;
import com.retentionadvisor.rules.RiskLevel;

/** What a manager's digest reads from the store: recommendations proposed in a period, and risk levels that rose. */
@ApplicationScoped
public class DigestRepository {

    // The levels in their order, as a PostgreSQL array literal: a rise is a higher position.
    private static final String LEVELS_LOW_TO_HIGH = Arrays.stream(RiskLevel.values()).map(Enum::name)
            .collect(Collectors.joining(",", "{", "}"));

    @Inject
    EntityManager entityManager;

    /** Open recommendations of the manager's current customers (not a team's) proposed in [from, to), highest rank first. */
    public PanacheQuery<Recommendation> findOpenProposedBetween(Manager manager, Instant from, Instant to) {
        return Recommendation.find("customer.manager = ?1 and ownerTeam is null and status in ?2 and proposedAt >= ?3 "
                + "and proposedAt < ?4 order by rank desc, dueAt, id", manager, RecommendationStatus.OPEN, from, to);
    }

    /**
     * The manager's current customers whose risk level rose in [from, to): an advice of that period with a higher level
     * than the advice before it; per customer the last such rise, highest level first.
     */
    public List<DailyDigest.LevelRise> listLevelRisesBetween(Manager manager, Instant from, Instant to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select distinct on (c.id) c.external_id, c.name, previous.risk_level as level_before, a.risk_level, a.evaluated_at
                from advice a
                join customer c on c.id = a.customer_id
                cross join lateral (
                    select p.risk_level from advice p
                    where p.customer_id = a.customer_id and (p.evaluated_at, p.id) < (a.evaluated_at, a.id)
                    order by p.evaluated_at desc, p.id desc
                    limit 1) previous
                where c.manager_id = :manager and a.evaluated_at >= :from and a.evaluated_at < :to
                  and array_position(cast(:levels as varchar[]), a.risk_level)
                    > array_position(cast(:levels as varchar[]), previous.risk_level)
                order by c.id, a.evaluated_at desc, a.id desc""")
                .setParameter("manager", manager.id)
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("levels", LEVELS_LOW_TO_HIGH)
                .getResultList();
        return rows.stream()
                .map(row -> new DailyDigest.LevelRise((String) row[0], (String) row[1], RiskLevel.valueOf((String) row[2]),
                        RiskLevel.valueOf((String) row[3]), instant(row[4])))
                .sorted(Comparator.comparing(DailyDigest.LevelRise::level).reversed()
                        .thenComparing(DailyDigest.LevelRise::customerId))
                .toList();
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp timestamp ? timestamp.toInstant()
                : value instanceof OffsetDateTime offset ? offset.toInstant() : (Instant) value;
    }
}
