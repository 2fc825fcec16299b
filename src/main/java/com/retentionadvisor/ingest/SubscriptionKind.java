package com.retentionadvisor.ingest;

import jakarta.enterprise.context.ApplicationScoped;

import com.retentionadvisor.subscriptions.Subscription;

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

    public void copy(SubscriptionItem item, Subscription record, Links links) {
        record.product = item.product();
        record.startsOn = item.startsOn();
        record.endsOn = item.endsOn();
        record.autoRenew = item.autoRenew();
        record.annual = item.annual();
    }
}
