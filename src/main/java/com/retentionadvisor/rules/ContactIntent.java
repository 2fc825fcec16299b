package com.retentionadvisor.rules;

import com.retentionadvisor.contacts.Channel;
import com.retentionadvisor.contacts.Direction;
import com.retentionadvisor.contacts.Purpose;

/**
 * A contact someone wants to make now, checked by the contact policy rules: its channel, purpose and direction, and
 * optionally its campaign (or message type) and the person within the account it is for. In advice, the intent is
 * "any proactive outbound contact": channel and purpose are null, so only the limits that hold for every channel and
 * purpose apply.
 */
public final class ContactIntent {

    private final Channel channel;
    private final Purpose purpose;
    private final Direction direction;
    private final String campaign;
    private final String person;

    public ContactIntent(Channel channel, Purpose purpose, Direction direction) {
        this(channel, purpose, direction, null, null);
    }

    public ContactIntent(Channel channel, Purpose purpose, Direction direction, String campaign, String person) {
        this.channel = channel;
        this.purpose = purpose;
        this.direction = direction;
        this.campaign = campaign;
        this.person = person;
    }

    /** The same contact, for a person of the account (by external id). */
    public ContactIntent forPerson(String personId) {
        return new ContactIntent(channel, purpose, direction, campaign, personId);
    }

    public static ContactIntent anyProactiveContact() {
        return new ContactIntent(null, null, Direction.OUTBOUND);
    }

    public Channel getChannel() {
        return channel;
    }

    public Purpose getPurpose() {
        return purpose;
    }

    public Direction getDirection() {
        return direction;
    }

    /** The campaign or message type the contact belongs to; null when none is named. */
    public String getCampaign() {
        return campaign;
    }

    /** The external id of the person within the account the contact is for; null for the account as a whole. */
    public String getPerson() {
        return person;
    }

    /** Started by us: the contacts the contact policy may hold back (unless an exemption covers them). */
    public boolean isOutbound() {
        return direction == Direction.OUTBOUND;
    }

    /** Outbound and started by us for sales, value or a survey (by purpose alone, without the exemptions table). */
    public boolean isProactive() {
        return direction == Direction.OUTBOUND && (purpose == null || purpose.isProactive());
    }
}
