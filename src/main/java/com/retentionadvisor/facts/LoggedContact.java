package com.retentionadvisor.facts;

import java.time.Instant;

import com.retentionadvisor.contacts.Channel;
import com.retentionadvisor.contacts.Purpose;

/**
 * One outbound contact of the last {@value ContactCounts#RECENT_DAYS} days, as the contact policy counts it: its
 * channel, purpose, campaign (null: none), the person within the account it was with (null: the account) and how many
 * days before the as-of instant it happened.
 */
public record LoggedContact(Channel channel, Purpose purpose, String campaign, String person, double daysAgo) {

    /** When it happened, for facts as of {@code asOf}. */
    public Instant at(Instant asOf) {
        return asOf.minusMillis(Math.round(daysAgo * 86_400_000d));
    }
}
