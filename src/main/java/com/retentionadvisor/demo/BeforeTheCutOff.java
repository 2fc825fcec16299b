package com.retentionadvisor.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

import com.retentionadvisor.ingest.AssignmentItem;
import com.retentionadvisor.ingest.DealItem;
import com.retentionadvisor.deals.DealStatus;
import com.retentionadvisor.ingest.EmailEventItem;
import com.retentionadvisor.emails.EmailEventType;
import com.retentionadvisor.ingest.SurveyItem;
import com.retentionadvisor.tickets.Severity;
import com.retentionadvisor.ingest.TicketItem;
import com.retentionadvisor.tickets.TicketKind;

/**
 * What demo customers went through before the cut-off, and whether it made them leave after it. Each customer who was
 * with us before the cut-off draws its episodes; the history before the cut-off is rewritten to show exactly those
 * (and none of the others), and the episodes decide the chance that the customer stops ordering at the cut-off and
 * churns some weeks later. Draws come from a generator per customer, so the stories' draws stay as they were and one
 * customer's history never moves another's.
 */
final class BeforeTheCutOff {

    private static final Duration QUARTER = Duration.ofDays(90);

    private final DemoData data;
    private final long seed;
    private Random random;
    private final Instant cutOff;

    BeforeTheCutOff(DemoData data, long seed, Instant cutOff) {
        this.data = data;
        this.seed = seed;
        this.cutOff = cutOff;
    }

    /**
     * Draws and writes the customer's episodes before the cut-off; answers when the customer churned if they left
     * after it (their orders stop at the cut-off), or empty if they stayed.
     */
    Optional<Instant> live(String id, Instant createdAt, String manager) {
        random = drawsOf(id);
        // Drawn first, so that whether the customer leaves depends on their episodes only, not on how many draws the
        // rewriting of their history takes.
        double leaving = random.nextDouble();
        Set<Episode> episodes = EnumSet.noneOf(Episode.class);
        boolean ordersFell = drawn(Episode.ORDERS_FELL);
        boolean detractor = drawn(Episode.NPS_DETRACTOR);
        boolean complaint = drawn(Episode.OPEN_COMPLAINT);
        boolean emailsUnopened = drawn(Episode.EMAILS_UNOPENED);
        double managerDraw = random.nextDouble();
        Episode managerChange = managerDraw < Episode.MANAGER_CHANGED_WITHOUT_HANDOVER.prevalence
                ? Episode.MANAGER_CHANGED_WITHOUT_HANDOVER
                : managerDraw < Episode.MANAGER_CHANGED_WITHOUT_HANDOVER.prevalence + Episode.MANAGER_CHANGED.prevalence
                        ? Episode.MANAGER_CHANGED : null;

        if (orders(id, createdAt, ordersFell)) {
            episodes.add(Episode.ORDERS_FELL);
        }
        if (latestAnswer(id, detractor)) {
            episodes.add(Episode.NPS_DETRACTOR);
        }
        if (complaint) {
            Instant opened = cutOff.minus(Duration.ofDays(5 + random.nextInt(35)));
            data.tickets.add(new TicketItem(id + "-TP", id, opened, cutOff.plus(Duration.ofDays(10 + random.nextInt(50))),
                    TicketKind.COMPLAINT, Severity.HIGH));
            episodes.add(Episode.OPEN_COMPLAINT);
        }
        if (emails(id, emailsUnopened)) {
            episodes.add(Episode.EMAILS_UNOPENED);
        }
        if (managerChange != null && managerChanged(id, createdAt, manager, managerChange == Episode.MANAGER_CHANGED)) {
            episodes.add(managerChange);
        }

        if (leaving >= Episode.chanceToLeave(episodes)) {
            return Optional.empty();
        }
        data.deals.removeIf(deal -> deal.customerExternalId().equals(id) && deal.status() == DealStatus.WON
                && deal.closedAt().isAfter(cutOff));
        return Optional.of(cutOff.plus(Duration.ofDays(10 + random.nextInt(160))).plus(Duration.ofMinutes(random.nextInt(600))));
    }

    /** When a customer who left before the cut-off churned: a week or two after their last contact, ~200 days ago. */
    Instant longGone(String id) {
        return cutOff.minus(Duration.ofDays(5 + drawsOf(id).nextInt(14)));
    }

    // Each customer's draws come from a generator of their own: a change to one customer's history leaves every
    // other customer's fate as it was.
    // The seed is mixed (as SplitMix64 does) because java.util.Random's first draws of nearby seeds are alike.
    private Random drawsOf(String id) {
        long mixed = seed * 0x9E3779B97F4A7C15L + id.hashCode();
        mixed = (mixed ^ (mixed >>> 30)) * 0xBF58476D1CE4E5B9L;
        mixed = (mixed ^ (mixed >>> 27)) * 0x94D049BB133111EBL;
        return new Random(mixed ^ (mixed >>> 31));
    }

    private boolean drawn(Episode episode) {
        return random.nextDouble() < episode.prevalence;
    }

    // Orders fell to half or less in the quarter before the cut-off (the rule: at least 2 before, at most half now).
    private boolean orders(String id, Instant createdAt, boolean fell) {
        Instant previousStart = cutOff.minus(QUARTER).minus(QUARTER);
        Instant lastStart = cutOff.minus(QUARTER);
        Predicate<DealItem> won = deal -> deal.customerExternalId().equals(id) && deal.status() == DealStatus.WON;
        if (fell && createdAt.isBefore(previousStart)) {
            data.deals.removeIf(won.and(deal -> within(deal.closedAt(), previousStart, cutOff)));
            orders(id, "-DP", previousStart, 3 + random.nextInt(2));
            orders(id, "-DQ", lastStart, random.nextInt(2));
            return true;
        }
        long previous = data.deals.stream().filter(won.and(deal -> within(deal.closedAt(), previousStart, lastStart))).count();
        long last = data.deals.stream().filter(won.and(deal -> within(deal.closedAt(), lastStart, cutOff))).count();
        if (previous >= 2 && last * 2 <= previous) {
            orders(id, "-DK", lastStart, (int) (previous / 2 + 1 - last));
        }
        return false;
    }

    private void orders(String id, String prefix, Instant quarterStart, int count) {
        for (int i = 1; i <= count; i++) {
            Instant closed = quarterStart.plus(Duration.ofDays(1 + random.nextInt(88)));
            BigDecimal amount = BigDecimal.valueOf(1000 + random.nextDouble() * 2000).setScale(2, RoundingMode.HALF_UP);
            data.deals.add(new DealItem(id + prefix + i, id, amount, "EUR", DealStatus.WON,
                    closed.minus(Duration.ofDays(7 + random.nextInt(20))), closed, DemoData.PRODUCT_LINES[random.nextInt(DemoData.PRODUCT_LINES.length)]));
        }
    }

    // The survey answered a few weeks before the cut-off: a detractor's (0-6) or not.
    private boolean latestAnswer(String id, boolean detractor) {
        int index = indexOf(data.surveys, survey -> survey.externalId().equals(id + "-S0"));
        if (index < 0) {
            return false;
        }
        SurveyItem answer = data.surveys.get(index);
        if (detractor) {
            data.surveys.set(index, new SurveyItem(answer.externalId(), id, answer.answeredAt(), 2 + random.nextInt(4), 2,
                    "Nobody answers when we call about late deliveries", answer.factors()));
            return true;
        }
        if (answer.nps() != null && answer.nps() <= 6) {
            data.surveys.set(index, new SurveyItem(answer.externalId(), id, answer.answeredAt(), 7, answer.csat(),
                    answer.comment(), answer.factors()));
        }
        return false;
    }

    // The last three emails sent before the cut-off never opened, or the last one opened.
    private boolean emails(String id, boolean unopened) {
        List<EmailEventItem> sent = data.emailEvents.stream()
                .filter(e -> e.customerExternalId().equals(id) && e.type() == EmailEventType.SENT && !e.occurredAt().isAfter(cutOff))
                .sorted(Comparator.comparing(EmailEventItem::occurredAt))
                .toList();
        if (sent.isEmpty() || unopened && sent.size() < 3) {
            return false;
        }
        if (unopened) {
            List<String> campaigns = sent.subList(sent.size() - 3, sent.size()).stream().map(EmailEventItem::campaign).toList();
            data.emailEvents.removeIf(e -> e.customerExternalId().equals(id) && e.type() != EmailEventType.SENT
                    && campaigns.contains(e.campaign()));
            return true;
        }
        EmailEventItem last = sent.get(sent.size() - 1);
        boolean opened = data.emailEvents.stream().anyMatch(e -> e.customerExternalId().equals(id)
                && e.campaign().equals(last.campaign()) && e.type() == EmailEventType.OPENED && !e.occurredAt().isAfter(cutOff));
        if (!opened) {
            data.emailEvents.add(new EmailEventItem(last.externalId() + "-OP", id, last.occurredAt().plus(Duration.ofHours(3)),
                    EmailEventType.OPENED, last.campaign(), null));
        }
        return false;
    }

    // A new owner within the year before the cut-off, but more than a year before now where the history allows, so
    // the change shows at the cut-off and not in today's advice.
    private boolean managerChanged(String id, Instant createdAt, String manager, boolean handover) {
        int index = indexOf(data.assignments, a -> a.customerExternalId().equals(id) && a.startsAt().equals(createdAt));
        long daysBeforeCutOff = Duration.between(createdAt, cutOff).toDays() - 10;
        if (index < 0 || daysBeforeCutOff < 20) {
            return false;
        }
        long latest = Math.min(300, daysBeforeCutOff);
        long earliest = latest >= 186 ? 186 : 20;
        Instant changed = cutOff.minus(Duration.ofDays(earliest + random.nextInt((int) (latest - earliest + 1))));
        AssignmentItem first = data.assignments.get(index);
        String previous;
        do {
            previous = DemoData.managerId(1 + random.nextInt(DemoData.MANAGERS));
        } while (previous.equals(first.managerExternalId()) || previous.equals(manager));
        data.assignments.set(index, new AssignmentItem(first.externalId(), id, first.managerExternalId(), changed,
                first.endsAt(), handover));
        data.assignments.add(new AssignmentItem(id + "-AP", id, previous, createdAt, changed, true));
        return true;
    }

    // (from, to]: the periods of the facts are half-open like this.
    private static boolean within(Instant at, Instant from, Instant to) {
        return at != null && at.isAfter(from) && !at.isAfter(to);
    }

    private static <T> int indexOf(List<T> items, Predicate<T> which) {
        for (int i = 0; i < items.size(); i++) {
            if (which.test(items.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
