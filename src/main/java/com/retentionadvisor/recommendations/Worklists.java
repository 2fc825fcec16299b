package com.retentionadvisor.recommendations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;

import com.retentionadvisor.customers.Manager;
import com.retentionadvisor.customers.RelationshipStage;
import com.retentionadvisor.rules.RiskLevel;

/** The open recommendations a manager (on their current customers) or a team has to work on, most urgent first. */
@ApplicationScoped
public class Worklists {

    public static final int MAX_PAGE_SIZE = 100;

    /** Narrows a worklist: by the customer's risk level, stage, or recommendations due before an instant. */
    public record Filter(RiskLevel level, RelationshipStage stage, Instant dueBefore) {
    }

    /** One page of a worklist. */
    public record WorklistPage(String owner, int page, int size, long total, List<RecommendationView> items) {
    }

    /** A manager's worklist; empty when the manager is unknown. */
    @Transactional
    public Optional<WorklistPage> forManager(String managerExternalId, Filter filter, int page, int size) {
        return Manager.<Manager>find("externalId", managerExternalId).firstResultOptional()
                .map(manager -> query(managerExternalId, "r.customer.manager = :owner and r.ownerTeam is null",
                        Map.of("owner", manager), filter, page, size));
    }

    /** A team's worklist (e.g. RENEWALS_DESK), across all customers. */
    @Transactional
    public WorklistPage forTeam(String team, Filter filter, int page, int size) {
        return query(team, "r.ownerTeam = :owner", Map.of("owner", team), filter, page, size);
    }

    private static WorklistPage query(String owner, String ownerClause, Map<String, Object> ownerParameters, Filter filter,
            int page, int size) {
        List<String> clauses = new ArrayList<>(List.of(ownerClause, "r.status in :open"));
        Map<String, Object> parameters = new HashMap<>(ownerParameters);
        parameters.put("open", RecommendationStatus.OPEN);
        if (filter.level() != null) {
            clauses.add("r.riskLevel = :level");
            parameters.put("level", filter.level());
        }
        if (filter.stage() != null) {
            clauses.add("r.stage = :stage");
            parameters.put("stage", filter.stage());
        }
        if (filter.dueBefore() != null) {
            clauses.add("r.dueAt < :dueBefore");
            parameters.put("dueBefore", filter.dueBefore());
        }
        var query = Recommendation.<Recommendation>find("from Recommendation r where "
                + String.join(" and ", clauses) + " order by r.rank desc, r.dueAt, r.id", parameters);
        long total = query.count();
        List<RecommendationView> items = query.page(Page.of(page, size)).list().stream().map(RecommendationView::of).toList();
        return new WorklistPage(owner, page, size, total, items);
    }
}
