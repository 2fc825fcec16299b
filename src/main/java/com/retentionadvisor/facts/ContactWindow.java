package com.retentionadvisor.facts;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.kie.api.definition.type.ClassReactive;

import com.retentionadvisor.contacts.Channel;
import com.retentionadvisor.contacts.Purpose;

/**
 * A customer's contacts over one window of days ending at the as-of instant: (asOf − days, asOf].
 * One is given to the rules for each window in {@link ContactCounts#WINDOWS}.
 * <p>
 * Class reactive: a window is never modified once inserted, so the engine need not work out which of its properties a
 * constraint such as {@code capReached($channel, $intended, $max)} reads (and does not warn that it cannot).
 */
@ClassReactive
public final class ContactWindow {

    /** The channel name a cap uses for "every channel": such a cap counts every proactive contact. */
    public static final String ANY_CHANNEL = "ANY";

    private final CustomerFacts facts;
    private final int days;

    ContactWindow(CustomerFacts facts, int days) {
        this.facts = facts;
        this.days = days;
    }

    public int getDays() {
        return days;
    }

    public String getCustomerId() {
        return facts.getCustomerId();
    }

    /** All contacts, both directions, every purpose. */
    public int getContacts() {
        return facts.contacts(days);
    }

    public int getOutbound() {
        return facts.outbound(days);
    }

    public int getInbound() {
        return facts.inbound(days);
    }

    /** Outbound sales, value and survey contacts: the ones over-contact limits count. */
    public int getProactiveOutbound() {
        return facts.proactiveOutbound(days);
    }

    public int getSalesOutbound() {
        return facts.outboundFor(days, Purpose.SALES);
    }

    /** Contacts at events (channel EVENT), either direction: taking part in our events is a strength. */
    public int getEvents() {
        return facts.onChannel(days, Channel.EVENT);
    }

    /** Inbound VALUE contacts: the customer asking for consulting, training or advice. */
    public int getValueRequests() {
        return facts.inboundFor(days, Purpose.VALUE);
    }

    public int proactiveOutboundOn(Channel channel) {
        return facts.proactiveOutboundOn(days, channel);
    }

    /**
     * The proactive outbound contacts a cap on {@code capChannel} counts: on that channel, or on every channel for a cap on
     * {@value #ANY_CHANNEL}.
     */
    public int proactiveOutboundCountedBy(String capChannel) {
        return ANY_CHANNEL.equals(capChannel) ? getProactiveOutbound() : proactiveOutboundOn(Channel.valueOf(capChannel));
    }

    /**
     * Whether a cap of {@code max} contacts on {@code capChannel} binds a contact on {@code intended}: a cap on one channel
     * binds only contacts on that channel, a cap on {@value #ANY_CHANNEL} every proactive contact.
     */
    public boolean capReached(String capChannel, Channel intended, int max) {
        if (ANY_CHANNEL.equals(capChannel)) {
            return getProactiveOutbound() >= max;
        }
        return intended != null && intended.name().equals(capChannel) && proactiveOutboundOn(intended) >= max;
    }

    /**
     * When a cap of {@code max} contacts on {@code capChannel} (or ANY) stops binding, as its oldest counted contacts
     * leave this window; null when it is not reached, the window is longer than contacts are known one by one, or the
     * facts have no as-of instant.
     */
    public Instant freeAgainAt(String capChannel, int max) {
        Double days = facts.getAsOf() == null ? null : facts.contactCounts().daysUntilBelow(this.days, capChannel, max);
        return days == null ? null : facts.getAsOf().plusSeconds(Math.round(days * 86_400));
    }

    /** Where the window starts on the customer's clock, e.g. 2026-03-19 15:00 (empty without an as-of instant). */
    public String getSince() {
        return facts.getAsOf() == null ? "" : facts.getAsOf().minus(Duration.ofDays(days)).atZone(facts.zone())
                .toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).toString().replace('T', ' ');
    }

    /**
     * The average number of contacts per window of this length in the rest of a longer window, before this one: with
     * this window 90 days and the longer 365, the average of the three quarters before the last.
     */
    public double averageBefore(ContactWindow longer) {
        int earlierWindows = longer.days / days - 1;
        return earlierWindows <= 0 ? 0 : (longer.getContacts() - getContacts()) / (double) earlierWindows;
    }

    /** Outbound sales contacts as a share (0..1) of all contacts; 0 when there were none. */
    public double getSalesShare() {
        return facts.salesShare(days);
    }

    /** The sales share if one more outbound sales contact were made now: (sales + 1) / (all + 1). */
    public double getSalesShareWithOneMore() {
        return facts.salesShareWithOneMore(days);
    }
}
