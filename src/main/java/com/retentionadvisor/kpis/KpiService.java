package com.retentionadvisor.kpis;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.retentionadvisor.kpis.KpiQueries.GroupCounts;
import com.retentionadvisor.kpis.KpiQueries.RefusalCount;

/** The KPIs of a period, overall and per manager or segment, from the counts {@link KpiQueries} takes in the store. */
@ApplicationScoped
public class KpiService {

    // The overall row's key in a map, which takes no null key; group keys are never blank.
    private static final String OVERALL = "";

    @Inject
    KpiQueries queries;

    @Inject
    KpiConfig config;

    @Transactional
    public KpiReport report(KpiRequest request) {
        List<GroupCounts> counts = queries.counts(request.from(), request.to(), request.groupBy(), request.manager());
        Map<String, List<Kpis.RuleRefusals>> refusals = queries.refusalsByRule(request.from(), request.to(), request.groupBy(), request.manager())
                .stream()
                .collect(Collectors.groupingBy(row -> Objects.requireNonNullElse(row.key(), OVERALL),
                        Collectors.mapping(KpiService::ruleRefusals, Collectors.toList())));
        GroupCounts overall = counts.stream().filter(group -> group.key() == null).findFirst().orElse(GroupCounts.NONE);
        List<KpiReport.Group> groups = counts.stream().filter(group -> group.key() != null)
                .map(group -> new KpiReport.Group(group.key(), group.name(), kpis(group, refusals, request)))
                .toList();
        return new KpiReport(request.from(), request.to(), request.groupBy(), kpis(overall, refusals, request), groups);
    }

    private Kpis kpis(GroupCounts group, Map<String, List<Kpis.RuleRefusals>> refusals, KpiRequest request) {
        List<Kpis.RuleRefusals> byRule = refusals.getOrDefault(Objects.requireNonNullElse(group.key(), OVERALL), List.of());
        return Kpis.of(group, byRule, request.years(), config.lifetimeCapYears());
    }

    private static Kpis.RuleRefusals ruleRefusals(RefusalCount row) {
        return new Kpis.RuleRefusals(row.rule(), row.code(), row.refusals());
    }
}
