package com.retentionadvisor.rules;

/**
 * When a customer stops answering, proactive contact pauses: after {@code afterIgnored} proactive contacts since the
 * customer last answered (an inbound contact, an email opened or clicked), the next waits until {@code pauseDays}
 * after the last of them. A row of contact-policy/fatigue.drl.csv.
 */
public final class ContactFatigue {

    private int afterIgnored;
    private int pauseDays;

    public int getAfterIgnored() {
        return afterIgnored;
    }

    public void setAfterIgnored(int afterIgnored) {
        if (afterIgnored < 1) {
            throw new IllegalArgumentException("contact fatigue needs at least 1 ignored contact, not " + afterIgnored);
        }
        this.afterIgnored = afterIgnored;
    }

    public int getPauseDays() {
        return pauseDays;
    }

    public void setPauseDays(int pauseDays) {
        if (pauseDays < 1) {
            throw new IllegalArgumentException("a contact pause lasts at least 1 day, not " + pauseDays);
        }
        this.pauseDays = pauseDays;
    }
}
