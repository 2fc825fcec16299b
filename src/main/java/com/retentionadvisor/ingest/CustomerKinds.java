package com.retentionadvisor.ingest;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import com.retentionadvisor.customers.Customer;
import com.retentionadvisor.customers.CustomerStatus;
import com.retentionadvisor.customers.Manager;
import com.retentionadvisor.customers.ManagerAssignment;

/** How managers, customers and ownership history are stored from CRM items. */
public final class CustomerKinds {

    private CustomerKinds() {
    }

    @ApplicationScoped
    public static class Managers implements RecordKind<ManagerItem, Manager> {
        public String name() {
            return "managers";
        }

        public Class<Manager> recordType() {
            return Manager.class;
        }

        public Manager newRecord() {
            return new Manager();
        }

        public void copy(ManagerItem item, Manager record, Links links) {
            record.name = item.name();
            record.email = item.email();
        }
    }

    @ApplicationScoped
    public static class Customers implements RecordKind<CustomerItem, Customer> {
        public String name() {
            return "customers";
        }

        public Class<Customer> recordType() {
            return Customer.class;
        }

        public Customer newRecord() {
            return new Customer();
        }

        public void copy(CustomerItem item, Customer record, Links links) {
            record.name = item.name();
            record.segment = item.segment();
            record.createdAt = item.createdAt();
            record.churnedAt = churnedAt(item, record);
            record.status = item.status();
            record.stage = item.stage();
            record.birthday = item.birthday();
            record.timeZone = item.timeZone();
            record.manager = links.manager();
            record.referredBy = links.referrer();
        }

        // Read before the status is overwritten: whether this ingest is the one that sees the customer churn.
        private static Instant churnedAt(CustomerItem item, Customer record) {
            if (item.status() != CustomerStatus.CHURNED) {
                return null;
            }
            if (item.churnedAt() != null) {
                return item.churnedAt();
            }
            return record.status == CustomerStatus.ACTIVE ? Instant.now() : record.churnedAt;
        }
    }

    @ApplicationScoped
    public static class Assignments implements RecordKind<AssignmentItem, ManagerAssignment> {
        public String name() {
            return "assignments";
        }

        public Class<ManagerAssignment> recordType() {
            return ManagerAssignment.class;
        }

        public ManagerAssignment newRecord() {
            return new ManagerAssignment();
        }

        public void copy(AssignmentItem item, ManagerAssignment record, Links links) {
                record.manager = links.manager();
            record.startsAt = item.startsAt();
            record.endsAt = item.endsAt();
            record.handover = item.handover();
        }
    }
}
