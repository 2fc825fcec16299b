package com.retentionadvisor.ingest;

import jakarta.enterprise.context.ApplicationScoped;

import com.retentionadvisor.deals.Deal;

@ApplicationScoped
public class DealKind implements RecordKind<DealItem, Deal> {

    public String name() {
        return "deals";
    }

    public Class<Deal> recordType() {
        return Deal.class;
    }

    public Deal newRecord() {
        return new Deal();
    }

    public void copy(DealItem item, Deal record, Links links) {
        record.amount = item.amount();
        record.currency = item.currency();
        record.status = item.status();
        record.openedAt = item.openedAt();
        record.closedAt = item.closedAt();
        record.productLine = item.productLine();
    }
}
