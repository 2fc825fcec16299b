package com.retentionadvisor.customers;

/** Whether the CRM still counts the customer as a customer. */
public enum CustomerStatus {
    ACTIVE, CHURNED
}
