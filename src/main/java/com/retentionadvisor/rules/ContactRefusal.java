package com.retentionadvisor.rules;

import java.time.Instant;
import java.util.List;

/** A contact policy says no to the contact being checked, with the numbers behind it. */
public final class ContactRefusal extends RuleOutcome {

    private final String code;
    private final List<Object> evidence;
    private Instant until;
    private String cap;
    private Integer count;
    private Integer limit;
    private Instant windowStart;
    private Instant windowEnd;

    /** The evidence values fill refusal.{code} in the messages. */
    public ContactRefusal(String code, Object... evidence) {
        this.code = code;
        this.evidence = List.of(evidence);
    }

    public String getCode() {
        return code;
    }

    public List<Object> getEvidence() {
        return evidence;
    }

    /** When this refusal lapses, if the rule can say (the end of quiet hours or of a quiet period); null otherwise. */
    public Instant getUntil() {
        return until;
    }

    /**
     * When every one of these refusals has lapsed, if every one says when; null when one does not (a cap, a pause, an
     * open complaint) or there is none: the moment a contact they hold back may be asked for again.
     */
    public static Instant allLapse(List<ContactRefusal> refusals) {
        if (refusals.isEmpty() || refusals.stream().anyMatch(refusal -> refusal.until == null)) {
            return null;
        }
        return refusals.stream().map(ContactRefusal::getUntil).max(Instant::compareTo).orElseThrow();
    }

    /** A cap's numbers: the cap (its table row), how many contacts it counted, its limit, and its window. */
    public ContactRefusal counted(ContactCap reached, int counted, int max, Instant start, Instant end) {
        this.cap = reached.getRule();
        this.count = counted;
        this.limit = max;
        this.windowStart = start;
        this.windowEnd = end;
        return this;
    }

    /** The cap reached (the name of its table row); null for a refusal that is no cap. */
    public String getCap() {
        return cap;
    }

    public Integer getCount() {
        return count;
    }

    public Integer getLimit() {
        return limit;
    }

    public Instant getWindowStart() {
        return windowStart;
    }

    public Instant getWindowEnd() {
        return windowEnd;
    }

    /** Says when the refusal lapses: the contact may be asked again then. */
    public ContactRefusal until(Instant lapses) {
        this.until = lapses;
        return this;
    }
}
