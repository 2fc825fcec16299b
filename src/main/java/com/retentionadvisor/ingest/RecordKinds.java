package com.retentionadvisor.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.retentionadvisor.contacts.ContactKind;
import com.retentionadvisor.customers.CustomerKinds;
import com.retentionadvisor.deals.DealKind;
import com.retentionadvisor.emails.EmailEventKind;
import com.retentionadvisor.subscriptions.SubscriptionKind;
import com.retentionadvisor.surveys.SurveyKind;
import com.retentionadvisor.tickets.TicketKinds;

/** Every kind of CRM record the advisor ingests, in one place for whoever pushes them. */
@ApplicationScoped
public class RecordKinds {

    @Inject
    CustomerKinds.Managers managers;

    @Inject
    CustomerKinds.Customers customers;

    @Inject
    CustomerKinds.Assignments assignments;

    @Inject
    ContactKind contacts;

    @Inject
    DealKind deals;

    @Inject
    SubscriptionKind subscriptions;

    @Inject
    SurveyKind surveys;

    @Inject
    EmailEventKind emailEvents;

    @Inject
    TicketKinds tickets;

    public CustomerKinds.Managers managers() {
        return managers;
    }

    public CustomerKinds.Customers customers() {
        return customers;
    }

    public CustomerKinds.Assignments assignments() {
        return assignments;
    }

    public ContactKind contacts() {
        return contacts;
    }

    public DealKind deals() {
        return deals;
    }

    public SubscriptionKind subscriptions() {
        return subscriptions;
    }

    public SurveyKind surveys() {
        return surveys;
    }

    public EmailEventKind emailEvents() {
        return emailEvents;
    }

    public TicketKinds tickets() {
        return tickets;
    }
}
