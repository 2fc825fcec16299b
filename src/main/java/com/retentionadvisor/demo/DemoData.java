package com.retentionadvisor.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import com.retentionadvisor.contacts.Channel;
import com.retentionadvisor.ingest.ContactItem;
import com.retentionadvisor.contacts.Direction;
import com.retentionadvisor.contacts.Purpose;
import com.retentionadvisor.ingest.AssignmentItem;
import com.retentionadvisor.ingest.CustomerItem;
import com.retentionadvisor.customers.CustomerStatus;
import com.retentionadvisor.ingest.ManagerItem;
import com.retentionadvisor.ingest.DealItem;
import com.retentionadvisor.deals.DealStatus;
import com.retentionadvisor.ingest.EmailEventItem;
import com.retentionadvisor.emails.EmailEventType;
import com.retentionadvisor.ingest.SubscriptionItem;
import com.retentionadvisor.surveys.SurveyFactor;
import com.retentionadvisor.ingest.SurveyItem;
import com.retentionadvisor.tickets.Severity;
import com.retentionadvisor.ingest.TicketItem;
import com.retentionadvisor.tickets.TicketKind;

/**
 * A seeded generator of customers with realistic histories up to a given instant: the same seed and instant give
 * the same data. Customers follow one of a few stories, so the demo shows every stage and every family of rules.
 * Before the stories, what each customer went through up to a cut-off six months back decides whether they left
 * after it ({@link BeforeTheCutOff}): those who did show as churned, so that a back-test has something to find.
 */
public final class DemoData {

    /** What happened to a demo customer; the name is part of the customer's name so the demo is easy to explore. */
    enum Story {
        LOYAL, GROWING, NEWCOMER, PROSPECT, DRIFTING, OVER_CONTACTED, SALES_HEAVY, RENEWAL_DUE, HANDED_OVER, CHURNED
    }

    private static final String[] SEGMENTS = {"SMB", "MID_MARKET", "ENTERPRISE", "B2C"};
    static final String[] PRODUCT_LINES = {"CRM Cloud", "Analytics", "Support Plus", "Training"};
    private static final String[] COMPANY_WORDS = {"Nord", "Volga", "Ural", "Baltic", "Sever", "Altai", "Kama", "Neva", "Oka", "Don"};
    private static final String[] COMPANY_KINDS = {"Logistics", "Foods", "Retail", "Tech", "Pharma", "Build", "Media", "Energy"};
    static final int MANAGERS = 8;

    /** The demo's cut-off, about six months before the data ends: what customers went through before it decides who leaves after it. */
    public static final int CUT_OFF_DAYS_AGO = 180;

    final List<ManagerItem> managers = new ArrayList<>();
    final List<CustomerItem> customers = new ArrayList<>();
    final List<AssignmentItem> assignments = new ArrayList<>();
    final List<ContactItem> contacts = new ArrayList<>();
    final List<DealItem> deals = new ArrayList<>();
    final List<SubscriptionItem> subscriptions = new ArrayList<>();
    final List<SurveyItem> surveys = new ArrayList<>();
    final List<EmailEventItem> emailEvents = new ArrayList<>();
    final List<TicketItem> tickets = new ArrayList<>();

    private final Random random;
    private final Instant now;
    private final Instant cutOff;
    private final BeforeTheCutOff past;

    private DemoData(long seed, Instant now) {
        this.random = new Random(seed);
        this.now = now;
        this.cutOff = now.minus(Duration.ofDays(CUT_OFF_DAYS_AGO));
        this.past = new BeforeTheCutOff(this, seed, cutOff);
    }

    /** Generates the demo base: {@code customerCount} customers, their managers and histories up to {@code now}. */
    public static DemoData generate(int customerCount, long seed, Instant now) {
        DemoData data = new DemoData(seed, now);
        for (int m = 1; m <= MANAGERS; m++) {
            data.managers.add(new ManagerItem(managerId(m), "Manager " + m, "manager" + m + "@demo.example"));
        }
        for (int c = 1; c <= customerCount; c++) {
            data.customer(c, Story.values()[(c - 1) % Story.values().length]);
        }
        return data;
    }

    static String customerId(int n) {
        return String.format("DEMO-C%04d", n);
    }

    static String managerId(int n) {
        return "DEMO-M" + n;
    }

    private void customer(int n, Story story) {
        String id = customerId(n);
        int tenureDays = switch (story) {
            case NEWCOMER -> 30 + random.nextInt(120);
            case PROSPECT -> 10 + random.nextInt(60);
            case LOYAL -> 800 + random.nextInt(1000);
            default -> 300 + random.nextInt(900);
        };
        Instant createdAt = daysAgo(tenureDays);
        int managerNumber = 1 + random.nextInt(MANAGERS);
        String manager = managerId(managerNumber);
        String segment = SEGMENTS[random.nextInt(SEGMENTS.length)];
        String company = COMPANY_WORDS[random.nextInt(COMPANY_WORDS.length)] + " " + COMPANY_KINDS[random.nextInt(COMPANY_KINDS.length)];
        LocalDate birthday = segment.equals("B2C") ? LocalDate.of(1960 + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28)) : null;
        // Every other newcomer came on the word of a loyal customer, who comes earlier in the list.
        String referrer = story == Story.NEWCOMER && n % 20 == 3 ? customerId(n - 2) : null;

        if (story == Story.HANDED_OVER) {
            String previous = managerId(1 + managerNumber % MANAGERS);
            int changedDaysAgo = 20 + random.nextInt(100);
            assignments.add(new AssignmentItem(id + "-A1", id, previous, createdAt, daysAgo(changedDaysAgo), true));
            assignments.add(new AssignmentItem(id + "-A2", id, manager, daysAgo(changedDaysAgo), null, false));
        } else {
            assignments.add(new AssignmentItem(id + "-A1", id, manager, createdAt, null, true));
        }

        if (story == Story.HANDED_OVER && n % 20 == 9) {
            // Handed over twice: a third owner before the current one.
            assignments.add(new AssignmentItem(id + "-A0", id, managerId(1 + (managerNumber + 2) % MANAGERS),
                    createdAt.minus(Duration.ofDays(1)), createdAt, true));
        }
        tickets(id, story);
        orders(n, id, story, tenureDays);
        contactHistory(id, manager, story, tenureDays);
        emails(id, story, tenureDays);
        surveys(id, story, tenureDays);
        subscription(id, story, tenureDays);

        Optional<Instant> churnedAt = story == Story.CHURNED ? Optional.of(past.longGone(id))
                : createdAt.isBefore(cutOff) ? past.live(id, createdAt, manager) : Optional.empty();
        churnedAt.ifPresent(at -> endHistory(id, at));
        String owner = churnedAt.isPresent() ? ownerAtTheEnd(id) : manager;
        String label = churnedAt.isPresent() ? "churned" : story.name().toLowerCase().replace('_', ' ');
        customers.add(new CustomerItem(id, company + " (" + label + ")", segment, createdAt,
                churnedAt.isPresent() ? CustomerStatus.CHURNED : CustomerStatus.ACTIVE, churnedAt.orElse(null), null, birthday,
                owner, referrer, timeZone(id)));
    }

    // Most of the demo's customers are in Moscow's time, some further east or west: quiet hours fall at different instants.
    private static final List<String> TIME_ZONES = List.of("Europe/Moscow", "Europe/Moscow", "Europe/Moscow", "Europe/Moscow",
            "Europe/Kaliningrad", "Asia/Yekaterinburg", "Asia/Novosibirsk", "Asia/Vladivostok");

    private static String timeZone(String customerId) {
        return TIME_ZONES.get(Math.floorMod(customerId.hashCode(), TIME_ZONES.size()));
    }

    // A churned customer does nothing after leaving: what came later is dropped, an open ticket is closed then.
    private void endHistory(String id, Instant churnedAt) {
        LocalDate churnDay = churnedAt.atZone(ZoneOffset.UTC).toLocalDate();
        contacts.removeIf(c -> c.customerExternalId().equals(id) && c.occurredAt().isAfter(churnedAt));
        contacts.replaceAll(c -> c.customerExternalId().equals(id) && c.respondedAt() != null && c.respondedAt().isAfter(churnedAt)
                ? new ContactItem(c.externalId(), id, c.managerExternalId(), c.occurredAt(), c.channel(), c.direction(), c.purpose(),
                        c.outcome(), churnedAt, c.personExternalId(), c.campaign())
                : c);
        deals.removeIf(d -> d.customerExternalId().equals(id)
                && (d.openedAt().isAfter(churnedAt) || d.closedAt() == null || d.closedAt().isAfter(churnedAt)));
        emailEvents.removeIf(e -> e.customerExternalId().equals(id) && e.occurredAt().isAfter(churnedAt));
        surveys.removeIf(s -> s.customerExternalId().equals(id) && s.answeredAt().isAfter(churnedAt));
        tickets.removeIf(t -> t.customerExternalId().equals(id) && t.openedAt().isAfter(churnedAt));
        tickets.replaceAll(t -> t.customerExternalId().equals(id) && (t.closedAt() == null || t.closedAt().isAfter(churnedAt))
                ? new TicketItem(t.externalId(), id, t.openedAt(), churnedAt, t.kind(), t.severity())
                : t);
        // A contract signed before runs as it was signed: rewriting its end would tell a back-test who was leaving.
        subscriptions.removeIf(s -> s.customerExternalId().equals(id) && s.startsOn().isAfter(churnDay));
        assignments.removeIf(a -> a.customerExternalId().equals(id) && a.startsAt().isAfter(churnedAt));
        assignments.replaceAll(a -> a.customerExternalId().equals(id) && a.endsAt() != null && a.endsAt().isAfter(churnedAt)
                ? new AssignmentItem(a.externalId(), id, a.managerExternalId(), a.startsAt(), null, a.handover())
                : a);
    }

    private String ownerAtTheEnd(String id) {
        return assignments.stream()
                .filter(a -> a.customerExternalId().equals(id) && a.endsAt() == null)
                .map(AssignmentItem::managerExternalId)
                .findFirst().orElseThrow();
    }

    // Every buyer keeps a rhythm of their own, as real buyers do: an order about every gap days (give or take 30%).
    // Regular buyers keep it to this day; a drifting buyer stopped some usual gaps ago (lapsed); a newcomer has bought
    // once, or twice; a growing buyer orders more often and more of late. Churned customers keep it until they leave.
    private void orders(int n, String id, Story story, int tenureDays) {
        if (story == Story.PROSPECT) {
            deals.add(new DealItem(id + "-D1", id, amount(500, 3000), "EUR", DealStatus.OPEN, daysAgo(5 + random.nextInt(10)), null, line()));
            return;
        }
        if (story == Story.NEWCOMER) {
            int first = 3 + random.nextInt(Math.max(1, tenureDays - 3));
            order(id, 1, first, 2000);
            if (n % 3 == 0 && first > 45) {
                order(id, 2, first - 20 - random.nextInt(20), 2000);
            }
            return;
        }
        int gap = switch (story) {
            case LOYAL -> 10 + random.nextInt(15);
            case GROWING -> 40;
            case DRIFTING -> 20 + random.nextInt(16);
            case CHURNED -> 25 + random.nextInt(20);
            default -> 20 + random.nextInt(40);
        };
        // A drifting buyer's last order came 3.5 to 6 of their usual gaps ago.
        int stoppedDaysAgo = story == Story.DRIFTING ? (int) (gap * (3.5 + random.nextDouble() * 2.5)) : 0;
        int seq = 0;
        double daysAgo = tenureDays - 1 - random.nextInt(Math.max(1, gap));
        while (daysAgo > stoppedDaysAgo) {
            boolean recent = daysAgo < 180;
            seq++;
            order(id, seq, (int) daysAgo, story == Story.GROWING && recent ? 4000 : 2000);
            int thisGap = story == Story.GROWING && recent ? 15 : gap;
            daysAgo -= thisGap * (0.7 + random.nextDouble() * 0.6);
        }
        if (story == Story.DRIFTING || story == Story.CHURNED) {
            Instant closed = daysAgo(10 + random.nextInt(60));
            deals.add(new DealItem(id + "-DL", id, amount(1000, 5000), "EUR", DealStatus.LOST, closed.minus(Duration.ofDays(30)), closed, line()));
        }
    }

    private void order(String id, int seq, int daysAgo, double base) {
        Instant closed = daysAgo(Math.max(1, daysAgo));
        deals.add(new DealItem(id + "-D" + seq, id, amount(base * 0.5, base * 1.5), "EUR", DealStatus.WON,
                closed.minus(Duration.ofDays(7 + random.nextInt(20))), closed, line()));
    }

    private void contactHistory(String id, String manager, Story story, int tenureDays) {
        int span = Math.min(tenureDays, 365);
        int count = story == Story.CHURNED ? 4 : Math.min(20 + random.nextInt(20), span / 6);
        int seq = 0;
        for (int i = 0; i < count; i++) {
            int daysAgo = story == Story.CHURNED ? 200 + random.nextInt(160) : 8 + random.nextInt(Math.max(1, span - 8));
            Purpose purpose = pick(Purpose.VALUE, Purpose.VALUE, Purpose.VALUE, Purpose.SERVICE, Purpose.SERVICE, Purpose.SERVICE,
                    Purpose.TRANSACTIONAL, Purpose.SURVEY, Purpose.SALES);
            Direction direction = purpose == Purpose.SERVICE && random.nextBoolean() ? Direction.INBOUND : Direction.OUTBOUND;
            contacts.add(contact(id + "-K" + (++seq), id, manager, daysAgo, direction, purpose));
        }
        if (story == Story.OVER_CONTACTED) {
            for (int i = 0; i < 4; i++) {
                contacts.add(contact(id + "-K" + (++seq), id, manager, 1 + i, Direction.OUTBOUND, i % 2 == 0 ? Purpose.VALUE : Purpose.SURVEY));
            }
        }
        if (story == Story.LOYAL || story == Story.GROWING) {
            // Loyal customers come to our events and ask for advice.
            contacts.add(contact(id + "-K" + (++seq), id, manager, 40 + random.nextInt(200), Direction.INBOUND, Purpose.VALUE)
                    .withChannel(Channel.EVENT));
            contacts.add(contact(id + "-K" + (++seq), id, manager, 5 + random.nextInt(60), Direction.INBOUND, Purpose.VALUE));
        }
        if (story == Story.SALES_HEAVY) {
            for (int i = 0; i < 6; i++) {
                contacts.add(contact(id + "-K" + (++seq), id, manager, 10 + i * 12, Direction.OUTBOUND, Purpose.SALES));
            }
        }
        if (story == Story.DRIFTING) {
            // The customer stopped answering: nothing inbound in the last quarter.
            contacts.removeIf(c -> c.customerExternalId().equals(id) && c.direction() == Direction.INBOUND
                    && c.occurredAt().isAfter(daysAgo(90)));
        }
    }

    private ContactItem contact(String externalId, String customer, String manager, int daysAgo, Direction direction, Purpose purpose) {
        Channel channel = purpose == Purpose.TRANSACTIONAL ? Channel.EMAIL : pick(Channel.EMAIL, Channel.EMAIL, Channel.PHONE, Channel.MEETING, Channel.MESSENGER, Channel.CHAT);
        Instant at = daysAgo(daysAgo).plus(Duration.ofMinutes(random.nextInt(600)));
        // We answer inbound requests within hours, except the odd slow one.
        Instant responded = direction == Direction.INBOUND && daysAgo > 2
                ? at.plus(Duration.ofHours(random.nextInt(10) == 0 ? 30 + random.nextInt(40) : 1 + random.nextInt(8)))
                : null;
        return new ContactItem(externalId, customer, manager, at, channel, direction, purpose, null, responded, null, null);
    }

    private void tickets(String id, Story story) {
        if (story == Story.DRIFTING) {
            tickets.add(new TicketItem(id + "-T1", id, daysAgo(12), null, TicketKind.COMPLAINT, Severity.HIGH));
        } else if (random.nextInt(6) == 0) {
            Instant opened = daysAgo(20 + random.nextInt(200));
            tickets.add(new TicketItem(id + "-T1", id, opened, opened.plus(Duration.ofDays(1 + random.nextInt(5))),
                    pick(TicketKind.QUESTION, TicketKind.INCIDENT), pick(Severity.LOW, Severity.MEDIUM)));
        }
    }

    private void emails(String id, Story story, int tenureDays) {
        int campaigns = Math.min(10, tenureDays / 30);
        for (int c = 0; c < campaigns; c++) {
            int daysAgo = (campaigns - c) * 28;
            String campaign = "CAMPAIGN-" + (now.atZone(ZoneOffset.UTC).getYear() * 100 + c);
            emailEvents.add(new EmailEventItem(id + "-E" + c + "-S", id, daysAgo(daysAgo), EmailEventType.SENT, campaign, null));
            boolean recent = c >= campaigns - 4;
            boolean opens = switch (story) {
                case DRIFTING, CHURNED -> !recent;
                case LOYAL, GROWING -> random.nextInt(10) < 8;
                default -> random.nextInt(10) < 5;
            };
            if (opens) {
                emailEvents.add(new EmailEventItem(id + "-E" + c + "-O", id, daysAgo(daysAgo).plus(Duration.ofHours(5)), EmailEventType.OPENED, campaign, null));
            }
        }
    }

    private void surveys(String id, Story story, int tenureDays) {
        if (story == Story.PROSPECT || tenureDays < 60) {
            return;
        }
        int nps = switch (story) {
            case LOYAL, GROWING -> 9 + random.nextInt(2);
            case DRIFTING, CHURNED -> 2 + random.nextInt(4);
            default -> 6 + random.nextInt(4);
        };
        int csat = nps >= 9 ? 5 : nps >= 7 ? 4 : 2 + random.nextInt(2);
        // Six months earlier the same customer answered too: the drifting ones were happier then.
        int earlierNps = story == Story.DRIFTING ? 8 + random.nextInt(2) : nps;
        surveys.add(new SurveyItem(id + "-S0", id, daysAgo(200 + random.nextInt(20)), earlierNps, Math.min(5, csat + 1), null,
                List.of(new SurveyFactor("product", BigDecimal.valueOf(4), BigDecimal.ONE),
                        new SurveyFactor("support", BigDecimal.valueOf(4), BigDecimal.ONE))));
        String comment = nps <= 6 ? "Support takes too long to answer" : random.nextInt(8) == 0 ? "Would like a report on usage" : null;
        int support = nps <= 6 ? 2 : 4;
        surveys.add(new SurveyItem(id + "-S1", id, daysAgo(5 + random.nextInt(40)), nps, csat, comment,
                List.of(new SurveyFactor("product", BigDecimal.valueOf(nps >= 7 ? 5 : 3), BigDecimal.ONE),
                        new SurveyFactor("support", BigDecimal.valueOf(support), BigDecimal.ONE))));
    }

    private void subscription(String id, Story story, int tenureDays) {
        if (story == Story.PROSPECT) {
            return;
        }
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate starts = today.minusDays(Math.min(tenureDays, 300));
        LocalDate ends = story == Story.RENEWAL_DUE ? today.plusDays(15 + random.nextInt(40)) : starts.plusYears(1).plusDays(90);
        boolean autoRenew = story != Story.RENEWAL_DUE && random.nextBoolean();
        if (story == Story.CHURNED) {
            ends = today.minusDays(30);
        }
        subscriptions.add(new SubscriptionItem(id + "-SUB1", id, line(), starts, ends, autoRenew, true));
    }

    private Instant daysAgo(int days) {
        return now.minus(Duration.ofDays(days));
    }

    private BigDecimal amount(double min, double max) {
        return BigDecimal.valueOf(min + random.nextDouble() * (max - min)).setScale(2, RoundingMode.HALF_UP);
    }

    private String line() {
        return PRODUCT_LINES[random.nextInt(PRODUCT_LINES.length)];
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }
}
