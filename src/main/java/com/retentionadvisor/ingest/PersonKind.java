package com.retentionadvisor.ingest;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.retentionadvisor.contacts.Channel;
import com.retentionadvisor.contacts.ContactPerson;

@ApplicationScoped
public class PersonKind implements RecordKind<PersonItem, ContactPerson> {

    public String name() {
        return "people";
    }

    public Class<ContactPerson> recordType() {
        return ContactPerson.class;
    }

    public ContactPerson newRecord() {
        return new ContactPerson();
    }

    /**
     * Consent and unsubscribe left out of an item stay as they were: a CRM that does not send them never gives back
     * consent a person withdrew. A channel given true gives consent on it again; false withdraws it.
     */
    public void copy(PersonItem item, ContactPerson record, Links links) {
        record.role = item.role();
        record.hasEmail = Boolean.TRUE.equals(item.hasEmail());
        record.hasPhone = Boolean.TRUE.equals(item.hasPhone());
        record.timeZone = item.timeZone();
        if (item.consent() != null) {
            Set<Channel> withdrawn = EnumSet.noneOf(Channel.class);
            withdrawn.addAll(record.withdrawnChannels());
            item.consent().forEach((channel, given) -> {
                if (given) {
                    withdrawn.remove(channel);
                } else {
                    withdrawn.add(channel);
                }
            });
            record.withdrawConsentFor(withdrawn);
        }
        if (item.unsubscribed() != null) {
            record.unsubscribed = item.unsubscribed();
        }
    }

    /** A person stays with their account: their contacts are that account's history. */
    @Override
    public Optional<String> refusal(PersonItem item, ContactPerson stored, Links links) {
        return stored.customer.id.equals(links.customer().id) ? Optional.empty()
                : Optional.of("person '" + item.externalId() + "' belongs to customer '" + stored.customer.externalId
                        + "': a person does not move to another account; give them a new id");
    }
}
