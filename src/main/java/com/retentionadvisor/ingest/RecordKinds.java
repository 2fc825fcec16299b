package com.retentionadvisor.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


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
    PersonKind people;

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

    public PersonKind people() {
        return people;
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
