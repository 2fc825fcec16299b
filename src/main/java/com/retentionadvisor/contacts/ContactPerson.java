package com.retentionadvisor.contacts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import com.retentionadvisor.customers.CustomerHistoryRecord;

/**
 * A person within a customer's account (a buyer, a user, a decision maker): their own time zone, consent per channel
 * and unsubscribe. Contacts and email events may name the person they were with.
 */
@Entity
@Table(name = "contact_person")
public class ContactPerson extends CustomerHistoryRecord {

    public String role;

    @Column(name = "has_email")
    public boolean hasEmail;

    @Column(name = "has_phone")
    public boolean hasPhone;

    /** The person's IANA time zone; null: the customer's. */
    @Column(name = "time_zone")
    public String timeZone;

    /** Channels the person withdrew consent for, comma-separated (PHONE,SMS); empty when none. */
    @Column(name = "consent_withdrawn")
    public String consentWithdrawn = "";

    public boolean unsubscribed;

    public Set<Channel> withdrawnChannels() {
        return parseChannels(consentWithdrawn);
    }

    public void withdrawConsentFor(Set<Channel> channels) {
        consentWithdrawn = channels.stream().sorted().map(Channel::name).collect(Collectors.joining(","));
    }

    /** The channels a comma-separated list names (as stored in {@code consent_withdrawn}). */
    public static Set<Channel> parseChannels(String names) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        if (names != null && !names.isBlank()) {
            Arrays.stream(names.split(",")).map(String::trim).map(Channel::valueOf).forEach(channels::add);
        }
        return channels;
    }

    /** The people with these external ids, with their customers, a thousand ids a query. */
    public static List<ContactPerson> findByExternalIds(List<String> externalIds) {
        List<ContactPerson> found = new ArrayList<>();
        for (int from = 0; from < externalIds.size(); from += 1000) {
            found.addAll(ContactPerson.<ContactPerson>find("select p from ContactPerson p join fetch p.customer where p.externalId in ?1",
                    externalIds.subList(from, Math.min(externalIds.size(), from + 1000))).list());
        }
        return found;
    }

    /** The person of this customer (by id) with this external id, if the CRM sent one. */
    public static Optional<ContactPerson> findOf(long customerId, String externalId) {
        return find("externalId = ?1 and customer.id = ?2", externalId, customerId).firstResultOptional();
    }
}
