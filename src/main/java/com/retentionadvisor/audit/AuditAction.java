package com.retentionadvisor.audit;

/** What the audit log records. */
public enum AuditAction {
    RULESET_PUBLISHED,
    RULESET_ROLLED_BACK,
    RECOMMENDATION_ACCEPTED,
    RECOMMENDATION_DONE,
    RECOMMENDATION_DISMISSED,
    CUSTOMER_CARD_READ,
    /** Many customers' advice read in one call (POST /api/advice/query). */
    ADVICE_QUERIED,
    /** An intended contact checked for an audience (POST /api/contact-checks). */
    AUDIENCE_CHECKED,
    /** The latest advice of every customer evaluated since a cursor, streamed (GET /api/advice/export). */
    ADVICE_EXPORTED
}
