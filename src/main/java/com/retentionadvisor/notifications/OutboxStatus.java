package com.retentionadvisor.notifications;

/** Where a queued event is: waiting for (another) attempt, delivered, or given up after the last attempt. */
public enum OutboxStatus {
    PENDING, DELIVERED, FAILED
}
