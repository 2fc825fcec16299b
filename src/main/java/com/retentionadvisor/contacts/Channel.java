package com.retentionadvisor.contacts;

/** How we talked with the customer. */
public enum Channel {
    EMAIL, PHONE, MEETING, MESSENGER, CHAT, SMS, EVENT
}
