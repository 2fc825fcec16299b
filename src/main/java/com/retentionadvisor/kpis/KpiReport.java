package com.retentionadvisor.kpis;

import java.time.Instant;
import java.util.List;

/** The KPIs of a period [from, to): overall, and per group when a breakdown was asked for (ordered by key). */
public record KpiReport(Instant from, Instant to, Grouping groupBy, Kpis overall, List<Group> groups) {

    /** A manager (key: external id, or "none" for customers without one; name: the manager's) or a segment. */
    public record Group(String key, String name, Kpis kpis) {
    }
}
