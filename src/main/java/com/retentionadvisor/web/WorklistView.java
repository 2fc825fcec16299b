package com.retentionadvisor.web;

import java.util.List;

import com.retentionadvisor.rules.RiskLevel;

/** A manager's worklist page: one page of open recommendations under a filter, and the summary panel. */
public record WorklistView(String managerId, String managerName, WorklistFilter filter, List<WorklistItem> items,
        long total, int pages, Summary summary) {

    /** Counts over the manager's whole worklist, whatever the filter: what the KPI panel shows. */
    public record Summary(long open, long dueWithinWeek, List<LevelCount> byLevel) {
    }

    public record LevelCount(RiskLevel level, long count) {
    }

    public int page() {
        return filter.page();
    }

    /** The previous page's link, or null on the first page. */
    public String previousLink(Page page) {
        return filter.page() > 1 ? filter.link(managerId, page.lang(), Math.min(filter.page() - 1, Math.max(pages, 1))) : null;
    }

    /** The next page's link, or null on the last page. */
    public String nextLink(Page page) {
        return filter.page() < pages ? filter.link(managerId, page.lang(), filter.page() + 1) : null;
    }
}
