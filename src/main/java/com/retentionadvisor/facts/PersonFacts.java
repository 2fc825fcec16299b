package com.retentionadvisor.facts;

import java.util.Set;

import org.kie.api.definition.type.ClassReactive;

import com.retentionadvisor.contacts.Channel;
import com.retentionadvisor.contacts.ContactPerson;

/**
 * The person within the customer's account a contact is checked for: their time zone (null: the customer's), the
 * channels they withdrew consent for, and whether they unsubscribed from proactive contact. Class reactive: it never
 * changes once inserted.
 */
@ClassReactive
public record PersonFacts(String id, String role, String timeZone, Set<Channel> consentWithdrawn, Boolean unsubscribed) {

    public PersonFacts {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a person needs an id");
        }
        consentWithdrawn = consentWithdrawn == null ? Set.of() : Set.copyOf(consentWithdrawn);
        unsubscribed = Boolean.TRUE.equals(unsubscribed);
        if (timeZone != null) {
            java.time.ZoneId.of(timeZone); // says which zone is unknown
        }
    }

    /** A person as the CRM sent them. */
    public static PersonFacts of(ContactPerson person) {
        return new PersonFacts(person.externalId, person.role, person.timeZone, person.withdrawnChannels(), person.unsubscribed);
    }

    /** Whether the person withdrew consent for contact on this channel. */
    public boolean consentWithdrawnFor(Channel channel) {
        return channel != null && consentWithdrawn.contains(channel);
    }

    public String getId() {
        return id;
    }

    public boolean isUnsubscribed() {
        return unsubscribed;
    }
}
