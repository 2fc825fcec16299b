package com.retentionadvisor.ingest;

import jakarta.enterprise.context.ApplicationScoped;

import com.retentionadvisor.emails.EmailEvent;
import com.retentionadvisor.emails.EmailEventType;

@ApplicationScoped
public class EmailEventKind implements RecordKind<EmailEventItem, EmailEvent> {

    public String name() {
        return "email-events";
    }

    public Class<EmailEvent> recordType() {
        return EmailEvent.class;
    }

    public EmailEvent newRecord() {
        return new EmailEvent();
    }

    public void copy(EmailEventItem item, EmailEvent record, Links links) {
        record.occurredAt = item.occurredAt();
        record.type = item.type();
        record.campaign = item.campaign();
        record.person = links.person();
        // A person who unsubscribes from an email has unsubscribed: proactive contact with them stops.
        if (record.type == EmailEventType.UNSUBSCRIBED && record.person != null) {
            record.person.unsubscribed = true;
        }
    }
}
