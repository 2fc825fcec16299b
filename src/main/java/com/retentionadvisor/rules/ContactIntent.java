package com.retentionadvisor.rules;

import com.retentionadvisor.contacts.Channel;
import com.retentionadvisor.contacts.Direction;
import com.retentionadvisor.contacts.Purpose;

/**
 * A contact someone wants to make now, checked by the contact policy rules. In advice, the intent is "any proactive
 * outbound contact": channel and purpose are null, so only the limits that hold for every channel and purpose apply.
 */
public final class ContactIntent {

    private final Channel channel;
    private final Purpose purpose;
    private final Direction direction;

    public ContactIntent(Channel channel, Purpose purpose, Direction direction) {
        this.channel = channel;
        this.purpose = purpose;
        this.direction = direction;
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

    /** Outbound and started by us for sales, value or a survey: the contacts that limits apply to. */
    public boolean isProactive() {
        return direction == Direction.OUTBOUND && (purpose == null || purpose.isProactive());
    }
}
