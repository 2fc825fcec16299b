package com.retentionadvisor.ingest;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.retentionadvisor.contacts.Channel;
import com.retentionadvisor.people.ContactPerson;

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

    public void copy(PersonItem item, ContactPerson record, Links links) {
        record.role = item.role();
        record.hasEmail = Boolean.TRUE.equals(item.hasEmail());
        record.hasPhone = Boolean.TRUE.equals(item.hasPhone());
        record.timeZone = item.timeZone();
        Set<Channel> withdrawn = EnumSet.noneOf(Channel.class);
        if (item.consent() != null) {
            item.consent().entrySet().stream().filter(given -> !given.getValue()).map(Map.Entry::getKey).forEach(withdrawn::add);
        }
        record.withdrawConsentFor(withdrawn);
        record.unsubscribed = Boolean.TRUE.equals(item.unsubscribed());
    }
}
