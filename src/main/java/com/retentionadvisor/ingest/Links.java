package com.retentionadvisor.ingest;

import com.retentionadvisor.contacts.ContactPerson;
import com.retentionadvisor.customers.Customer;
import com.retentionadvisor.customers.Manager;

/** The records an item names, resolved from their external ids; null where the item names none. */
public record Links(Customer customer, Manager manager, Customer referrer, ContactPerson person) {
}
