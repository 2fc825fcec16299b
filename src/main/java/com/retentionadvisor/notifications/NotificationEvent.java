package com.retentionadvisor.notifications;

/** What the CRM is told of: sent as X-Retention-Event and as "event" in the payload. */
public enum NotificationEvent {
    /** A customer's risk level rose to the level the rules name (HIGH) or above. */
    RISK_LEVEL_ROSE,
    /** A new recommendation of the priority the rules name (90) or more. */
    HIGH_PRIORITY_RECOMMENDATION,
    /** A manager's daily digest, with its e-mail body. */
    DAILY_DIGEST
}
