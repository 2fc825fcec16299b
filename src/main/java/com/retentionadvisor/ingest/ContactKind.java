package com.retentionadvisor.ingest;

import jakarta.enterprise.context.ApplicationScoped;

import com.retentionadvisor.contacts.Contact;
import com.retentionadvisor.problems.Names;

@ApplicationScoped
public class ContactKind implements RecordKind<ContactItem, Contact> {

    public String name() {
        return "contacts";
    }

    public Class<Contact> recordType() {
        return Contact.class;
    }

    public Contact newRecord() {
        return new Contact();
    }

    public void copy(ContactItem item, Contact record, Links links) {
        record.manager = links.manager();
        record.occurredAt = item.occurredAt();
        record.channel = item.channel();
        record.direction = item.direction();
        record.purpose = item.purpose();
        record.outcome = item.outcome();
        record.respondedAt = item.respondedAt();
        record.person = links.person();
        record.campaign = Names.trimmed(item.campaign());
    }
}
