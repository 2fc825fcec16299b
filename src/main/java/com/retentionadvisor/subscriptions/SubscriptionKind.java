package com.retentionadvisor.subscriptions;

import jakarta.enterprise.context.ApplicationScoped;

import com.retentionadvisor.customers.Customer;
import com.retentionadvisor.customers.Manager;
import com.retentionadvisor.ingest.RecordKind;

@ApplicationScoped
public class SubscriptionKind implements RecordKind<SubscriptionItem, Subscription> {

    public String name() {
        return "subscriptions";
    }

    public Class<Subscription> recordType() {
        return Subscription.class;
    }

    public Subscription newRecord() {
        return new Subscription();
    }

    public void copy(SubscriptionItem item, Subscription record, Customer customer, Manager manager) {
        record.product = item.product();
        record.startsOn = item.startsOn();
        record.endsOn = item.endsOn();
        record.autoRenew = item.autoRenew();
        record.annual = item.annual();
    }
}
