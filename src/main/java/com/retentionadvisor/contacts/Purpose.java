package com.retentionadvisor.contacts;

/** What a contact was for. SALES, VALUE and SURVEY are ours to start; SERVICE and TRANSACTIONAL answer a need. */
public enum Purpose {
    SALES, VALUE, SERVICE, SURVEY, TRANSACTIONAL;

    /** Whether an outbound contact of this purpose is proactive, i.e. counts against over-contact limits. */
    public boolean isProactive() {
        return this == SALES || this == VALUE || this == SURVEY;
    }
}
