package com.retentionadvisor.emails;

public enum EmailEventType {
    SENT, DELIVERED, OPENED, CLICKED, UNSUBSCRIBED
}
