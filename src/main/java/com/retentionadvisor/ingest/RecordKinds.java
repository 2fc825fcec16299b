package com.retentionadvisor.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.retentionadvisor.contacts.ContactKind;
import com.retentionadvisor.customers.CustomerKinds;
import com.retentionadvisor.deals.DealKind;
import com.retentionadvisor.emails.EmailEventKind;
import com.retentionadvisor.subscriptions.SubscriptionKind;
import com.retentionadvisor.surveys.SurveyKind;

/** Every kind of CRM record the advisor ingests, in one place for whoever pushes them. */
@ApplicationScoped
public class RecordKinds {

    @Inject
    public CustomerKinds.Managers managers;

    @Inject
    public CustomerKinds.Customers customers;

    @Inject
    public CustomerKinds.Assignments assignments;

    @Inject
    public ContactKind contacts;

    @Inject
    public DealKind deals;

    @Inject
    public SubscriptionKind subscriptions;

    @Inject
    public SurveyKind surveys;

    @Inject
    public EmailEventKind emailEvents;
}
