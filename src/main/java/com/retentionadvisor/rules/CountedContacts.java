package com.retentionadvisor.rules;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;

import org.kie.api.definition.type.ClassReactive;

import com.retentionadvisor.facts.CustomerFacts;
import com.retentionadvisor.facts.LoggedContact;

/**
 * The customer's outbound contacts of the last 90 days that the contact policy counts: every one that no
 * {@link ContactExemption} covers. A rule makes it once every exemption is known; caps, the quiet period and fatigue
 * count from it. Class reactive: it never changes once made.
 */
@ClassReactive
public final class CountedContacts {

    private final CustomerFacts facts;
    private final List<LoggedContact> contacts;

    private CountedContacts(CustomerFacts facts, List<LoggedContact> contacts) {
        this.facts = facts;
        this.contacts = contacts;
    }

    /** The customer's recent outbound contacts, less those an exemption covers. */
    public static CountedContacts of(CustomerFacts facts, Collection<?> exemptions) {
        List<LoggedContact> counted = facts.getRecentOutbound().stream()
                .filter(contact -> exemptions.stream().noneMatch(e -> ((ContactExemption) e).covers(contact)))
                .toList();
        return new CountedContacts(facts, counted);
    }

    public int getCount() {
        return contacts.size();
    }

    /** How many counted contacts the cap counts for this contact: in its window, on its channel, purpose, campaign, person. */
    public int count(ContactCap cap, ContactIntent intent) {
        return countedBy(cap, intent).size();
    }

    /** Whether the cap binds this contact and has reached its maximum. */
    public boolean reached(ContactCap cap, ContactIntent intent) {
        return cap.binds(intent) && (!cap.isCalendar() || facts.getAsOf() != null) && count(cap, intent) >= cap.getMaxContacts();
    }

    /** Where the cap's window starts (null without an as-of instant). */
    public Instant windowStart(ContactCap cap) {
        return facts.getAsOf() == null ? null : cap.windowStart(facts.getAsOf(), zoneOf(cap));
    }

    /** Where the cap's window ends: the check for a rolling window, the next period's start for a calendar one. */
    public Instant windowEnd(ContactCap cap) {
        return facts.getAsOf() == null ? null : cap.windowEnd(facts.getAsOf(), zoneOf(cap));
    }

    /**
     * When the cap stops holding this contact back: the next period for a calendar cap; for a rolling one, when enough
     * of the oldest counted contacts have left the window that fewer than the maximum remain. Null without an as-of
     * instant or when the cap is not reached.
     */
    public Instant freeAgainAt(ContactCap cap, ContactIntent intent) {
        if (facts.getAsOf() == null || !reached(cap, intent) || cap.getMaxContacts() == 0) {
            return null; // a cap of 0 never frees up
        }
        if (cap.isCalendar()) {
            return windowEnd(cap);
        }
        List<LoggedContact> counted = countedBy(cap, intent); // oldest first
        LoggedContact leavingLast = counted.get(counted.size() - cap.getMaxContacts());
        return leavingLast.at(facts.getAsOf()).plus(java.time.Duration.ofDays(cap.getRollingDays()));
    }

    /** Hours since the latest counted contact, rounded down; null when there was none in 90 days. */
    public Integer getHoursSinceLast() {
        return contacts.isEmpty() ? null : (int) Math.floor(contacts.get(contacts.size() - 1).daysAgo() * 24);
    }

    /** When the latest counted contact was made; null without one or without an as-of instant. */
    public Instant getLastAt() {
        return contacts.isEmpty() || facts.getAsOf() == null ? null : contacts.get(contacts.size() - 1).at(facts.getAsOf());
    }

    /**
     * Counted contacts on {@code channel} (ANY: every channel) of the last {@code withinDays} days that the customer did
     * not answer: made after the customer's last answer (an inbound contact, an email opened or clicked).
     */
    public int ignored(String channel, int withinDays) {
        return ignoredOn(channel, withinDays).size();
    }

    /** Days since the latest of those ignored contacts; infinitely many when there is none. */
    public double daysSinceLastIgnored(String channel, int withinDays) {
        List<LoggedContact> ignored = ignoredOn(channel, withinDays);
        return ignored.isEmpty() ? Double.POSITIVE_INFINITY : ignored.get(ignored.size() - 1).daysAgo();
    }

    /** So many days after the latest of those ignored contacts: when a pause ends; null without one or an as-of instant. */
    public Instant lastIgnoredAtPlusDays(String channel, int withinDays, int days) {
        List<LoggedContact> ignored = ignoredOn(channel, withinDays);
        return ignored.isEmpty() || facts.getAsOf() == null ? null
                : ignored.get(ignored.size() - 1).at(facts.getAsOf()).plus(java.time.Duration.ofDays(days));
    }

    private List<LoggedContact> ignoredOn(String channel, int withinDays) {
        Double answered = facts.getDaysSinceLastResponse();
        return contacts.stream()
                .filter(c -> c.daysAgo() < withinDays && (answered == null || c.daysAgo() < answered))
                .filter(c -> RowValues.matches(channel, c.channel()))
                .toList();
    }

    // Rolling: (asOf − N days, asOf]; calendar: [the period's start, asOf], the start worked out once.
    private List<LoggedContact> countedBy(ContactCap cap, ContactIntent intent) {
        Instant asOf = facts.getAsOf();
        if (cap.isCalendar() && asOf == null) {
            return List.of();
        }
        Instant periodStart = cap.isCalendar() ? windowStart(cap) : null;
        return contacts.stream()
                .filter(c -> periodStart != null ? !c.at(asOf).isBefore(periodStart) : c.daysAgo() < cap.getRollingDays())
                .filter(c -> cap.counts(c, intent))
                .toList();
    }

    // A cap per person counts on the person's clock, a cap of the account on the account's: the account's calendar
    // month turns at one moment, whichever person is checked.
    private ZoneId zoneOf(ContactCap cap) {
        return cap.isPerPerson() ? facts.zone() : facts.accountZone();
    }
}
