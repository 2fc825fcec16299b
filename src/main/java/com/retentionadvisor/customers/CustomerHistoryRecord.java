package com.retentionadvisor.customers;

import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;

import com.retentionadvisor.records.IngestedRecord;

/** A CRM record that belongs to one customer's history (a contact, a deal, …); ingest links it to its customer. */
@MappedSuperclass
public abstract class CustomerHistoryRecord extends IngestedRecord {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    public Customer customer;
}
