package com.retentionadvisor.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.retentionadvisor.advice.Advice;
import com.retentionadvisor.advice.AdviceService;
import com.retentionadvisor.advice.AdviceView;
import com.retentionadvisor.audit.AuditAction;
import com.retentionadvisor.audit.AuditLog;
import com.retentionadvisor.customers.Customer;
import com.retentionadvisor.customers.Manager;
import com.retentionadvisor.customers.RelationshipStage;
import com.retentionadvisor.recommendations.Recommendation;
import com.retentionadvisor.recommendations.RecommendationView;
import com.retentionadvisor.recommendations.Worklists;
import com.retentionadvisor.rules.RiskLevel;
import com.retentionadvisor.rules.RuleTexts;
import com.retentionadvisor.timeline.Timeline;

/**
 * What the manager page shows, read through the same services as the JSON API: worklists from {@link Worklists},
 * the advice from {@link AdviceService}, the history from {@link Timeline}. It decides nothing of its own.
 */
@ApplicationScoped
public class ManagerPageService {

    static final int PAGE_SIZE = 20;
    static final int MANAGERS_SHOWN = 500;
    static final int TREND_POINTS = 60;
    static final int HISTORY_SHOWN = 50;
    private static final Duration WEEK = Duration.ofDays(7);

    @Inject
    Worklists worklists;

    @Inject
    AdviceService advice;

    @Inject
    Timeline timeline;

    @Inject
    RuleTexts texts;

    @Inject
    AuditLog audit;

    @Transactional
    public List<ManagerEntry> managers() {
        return Manager.listByName(MANAGERS_SHOWN).stream()
                .map(manager -> new ManagerEntry(manager.externalId, manager.name, manager.email))
                .toList();
    }

    /** One page of the manager's worklist under the filter, with the summary panel; empty when the manager is unknown. */
    @Transactional
    public Optional<WorklistView> worklist(String managerId, WorklistFilter filter, Locale locale) {
        Instant now = Instant.now();
        return Manager.findByExternalId(managerId).flatMap(manager -> worklists
                .forManager(managerId, filter.toWorklistFilter(now), filter.page() - 1, PAGE_SIZE)
                .map(page -> {
                    List<WorklistItem> items = page.items().stream()
                            .map(item -> item(item, texts.actionTitle(locale, item.actionCode(), item.title()), item.reason(), now))
                            .toList();
                    int pages = (int) ((page.total() + PAGE_SIZE - 1) / PAGE_SIZE);
                    return new WorklistView(managerId, manager.name, filter, items, page.total(), pages, summary(managerId, now));
                }));
    }

    /** The customer card in the reader's language, the read written to the audit log; empty when the customer is unknown. */
    @Transactional
    public Optional<CustomerCard> card(String customerId, Locale locale) {
        Instant now = Instant.now();
        return Customer.findByExternalId(customerId).map(customer -> {
            AdviceView adviceNow = advice.adviceNow(customerId, locale).orElseThrow();
            // The advice now speaks the reader's language; a recommendation it still proposes reads in its words.
            Map<String, AdviceView.Action> actions = adviceNow.actions().stream()
                    .collect(Collectors.toMap(AdviceView.Action::code, Function.identity(), (first, second) -> first));
            List<WorklistItem> open = Recommendation.listOpenFor(customer).stream()
                    .map(RecommendationView::of)
                    .map(item -> {
                        AdviceView.Action action = actions.get(item.actionCode());
                        return item(item, texts.actionTitle(locale, item.actionCode(), item.title()), action == null ? item.reason() : action.reason(), now);
                    })
                    .toList();
            RiskTrend trend = RiskTrend.of(Advice.riskHistoryFor(customer, TREND_POINTS));
            List<Timeline.Entry> history = timeline.of(customerId, HISTORY_SHOWN).map(Timeline.CustomerTimeline::entries).orElse(List.of());
            Manager manager = customer.manager;
            audit.record(AuditAction.CUSTOMER_CARD_READ, customer.externalId, Map.of("via", "GET /customers/{externalId}"));
            return new CustomerCard(customer.externalId, customer.name, customer.segment,
                    manager == null ? null : manager.externalId, manager == null ? null : manager.name,
                    adviceNow, open, trend, history);
        });
    }

    // The KPI panel's counts, from the worklist itself: open, due within a week, and by the customers' risk level.
    private WorklistView.Summary summary(String managerId, Instant now) {
        long open = count(managerId, new Worklists.Filter(null, null, null));
        long dueWithinWeek = count(managerId, new Worklists.Filter(null, null, now.plus(WEEK)));
        List<WorklistView.LevelCount> byLevel = WorklistFilter.none().levels().stream()
                .map(level -> new WorklistView.LevelCount(level, count(managerId, new Worklists.Filter(level, null, null))))
                .toList();
        return new WorklistView.Summary(open, dueWithinWeek, byLevel);
    }

    private long count(String managerId, Worklists.Filter filter) {
        return worklists.forManager(managerId, filter, 0, 1).map(Worklists.WorklistPage::total).orElse(0L);
    }

    private static WorklistItem item(RecommendationView view, String title, String reason, Instant now) {
        return new WorklistItem(view.id(), view.customerId(), view.customerName(), view.actionCode(), title, reason, view.ownerTeam(),
                view.riskLevel() == null ? null : RiskLevel.valueOf(view.riskLevel()),
                view.stage() == null ? null : RelationshipStage.valueOf(view.stage()),
                view.status(), view.rank(), view.dueAt(), view.dueAt() != null && view.dueAt().isBefore(now));
    }
}
