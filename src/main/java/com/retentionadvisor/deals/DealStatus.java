package com.retentionadvisor.deals;

/** A WON deal is an order. */
public enum DealStatus {
    WON, LOST, OPEN
}
