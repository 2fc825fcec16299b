package com.retentionadvisor.facts;

import com.retentionadvisor.contacts.Channel;
import com.retentionadvisor.contacts.Purpose;

/**
 * A customer's contacts over one window of days ending at the as-of instant: (asOf − days, asOf].
 * One is given to the rules for each window in {@link ContactCounts#WINDOWS}.
 */
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

    /** Outbound sales contacts as a share (0..1) of all contacts; 0 when there were none. */
    public double getSalesShare() {
        return facts.salesShare(days);
    }

    /** The sales share if one more outbound sales contact were made now: (sales + 1) / (all + 1). */
    public double getSalesShareWithOneMore() {
        return facts.salesShareWithOneMore(days);
    }
}
