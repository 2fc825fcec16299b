package com.retentionadvisor.notifications;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

import com.retentionadvisor.customers.Manager;
import com.retentionadvisor.recommendations.Recommendation;
import com.retentionadvisor.recommendations.RecommendationView;
import com.retentionadvisor.recommendations.Worklists;
import com.retentionadvisor.rules.RuleTexts;

/**
 * A manager's daily digest for a date: their most urgent open recommendations (as their worklist ranks them), those
 * proposed the day before, the customers whose risk level rose the day before, and the e-mail body saying so.
 */
@ApplicationScoped
public class Digests {

    /** The languages the e-mail body is written in. */
    public static final List<String> LANGUAGES = List.of("en", "ru");

    @Inject
    DigestConfig config;

    @Inject
    DigestRepository repository;

    @Inject
    Worklists worklists;

    @Inject
    RuleTexts texts;

    @CheckedTemplate(basePath = "digest")
    static class Templates {
        static native TemplateInstance email(DailyDigest content);
    }

    /** The colour a risk level is shown in, in the e-mail. */
    @TemplateExtension(namespace = "risk")
    static String color(Object level) {
        return switch (String.valueOf(level)) {
            case "CRITICAL" -> "#b42318";
            case "HIGH" -> "#c4320a";
            case "MEDIUM" -> "#b54708";
            default -> "#027a48";
        };
    }

    /** The manager's digest for the date, in the language given (en or ru); empty when the manager is unknown. */
    @Transactional
    public Optional<DailyDigest> of(String managerExternalId, LocalDate date, String language) {
        return Manager.<Manager>find("externalId", managerExternalId).firstResultOptional()
                .map(manager -> of(manager, date, language));
    }

    /** The manager's digest for the date. Call inside a transaction. */
    DailyDigest of(Manager manager, LocalDate date, String language) {
        ZoneId zone = config.zone();
        Instant yesterday = date.minusDays(1).atStartOfDay(zone).toInstant();
        Instant today = date.atStartOfDay(zone).toInstant();
        Locale locale = Locale.forLanguageTag(language);

        Worklists.WorklistPage open = worklists.forManager(manager.externalId, new Worklists.Filter(null, null, null), 0, config.top())
                .orElseThrow();
        List<DailyDigest.Item> top = open.items().stream().map(view -> item(view, locale, zone)).toList();
        var proposedYesterday = repository.findOpenProposedBetween(manager, yesterday, today);
        List<DailyDigest.Item> proposed = proposedYesterday.page(Page.ofSize(config.top())).list().stream()
                .map(recommendation -> item(recommendation, locale, zone)).toList();
        List<DailyDigest.LevelRise> rises = repository.listLevelRisesBetween(manager, yesterday, today);

        DailyDigest content = new DailyDigest(NotificationEvent.DAILY_DIGEST, Instant.now(), date, language,
                new DailyDigest.Manager(manager.externalId, manager.name, manager.email), open.total(), top,
                proposedYesterday.count(), proposed, rises, null);
        String subject = MessageBundles.get(DigestMessages.class, Localized.Literal.of(language)).subject(date.toString());
        String html = Templates.email(content).setLocale(locale).render();
        return new DailyDigest(content.event(), content.occurredAt(), date, language, content.manager(), content.openTotal(),
                top, content.newTotal(), proposed, rises, new DailyDigest.Email(manager.email, subject, html));
    }

    private DailyDigest.Item item(RecommendationView view, Locale locale, ZoneId zone) {
        return new DailyDigest.Item(view.id(), view.customerId(), view.customerName(), view.actionCode(),
                texts.actionTitle(locale, view.actionCode(), view.title()), view.priority(), view.rank(), view.reason(),
                view.riskLevel(), LocalDate.ofInstant(view.dueAt(), zone));
    }

    private DailyDigest.Item item(Recommendation r, Locale locale, ZoneId zone) {
        return new DailyDigest.Item(r.id, r.customer.externalId, r.customer.name, r.actionCode,
                texts.actionTitle(locale, r.actionCode, r.title), r.priority, r.rank, r.reason,
                r.riskLevel == null ? null : r.riskLevel.name(), LocalDate.ofInstant(r.dueAt, zone));
    }
}
