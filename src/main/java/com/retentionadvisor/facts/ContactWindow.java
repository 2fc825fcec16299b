package com.retentionadvisor.facts;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.kie.api.definition.type.ClassReactive;

import com.retentionadvisor.contacts.Channel;
import com.retentionadvisor.contacts.Purpose;

/**
 * A customer's contacts over one window of days ending at the as-of instant: (asOf − days, asOf].
 * One is given to the rules for each window in {@link ContactCounts#WINDOWS}.
 * <p>
 * Class reactive: a window is never modified once inserted, so the engine need not work out which of its properties a
 * constraint such as {@code proactiveOutboundOn($channel)} reads (and does not warn that it cannot).
 */
@ClassReactive
public final class ContactWindow {

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
