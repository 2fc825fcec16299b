package com.retentionadvisor.contacts;

/** Who started the contact: we (outbound) or the customer (inbound). */
public enum Direction {
    OUTBOUND, INBOUND
}
