package com.retentionadvisor.emails;

import jakarta.enterprise.context.ApplicationScoped;

import com.retentionadvisor.customers.Customer;
import com.retentionadvisor.customers.Manager;
import com.retentionadvisor.ingest.RecordKind;

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

    public void copy(EmailEventItem item, EmailEvent record, Customer customer, Manager manager) {
        record.occurredAt = item.occurredAt();
        record.type = item.type();
        record.campaign = item.campaign();
    }
}
