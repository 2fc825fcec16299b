package com.retentionadvisor.rules;

/**
 * When a customer stops answering, contact pauses: after {@code afterIgnored} counted contacts on {@code channel} (ANY:
 * every channel) within the last {@code withinDays} days that the customer did not answer (none since the customer last
 * contacted us, opened or clicked an email), the next contact on that channel (ANY: every contact) waits until
 * {@code pauseDays} after the last of them. A row of contact-policy/fatigue.drl.csv.
 */
public final class ContactFatigue {

    private String channel = RowValues.ANY;
    private int afterIgnored;
    private int withinDays = com.retentionadvisor.facts.ContactCounts.RECENT_DAYS; // all that is known, unless a row says
    private int pauseDays;

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = RowValues.anyOr(channel, com.retentionadvisor.contacts.Channel.class);
    }

    public int getWithinDays() {
        return withinDays;
    }

    public void setWithinDays(int withinDays) {
        if (withinDays < 1 || withinDays > com.retentionadvisor.facts.ContactCounts.RECENT_DAYS) {
            throw new IllegalArgumentException("contact fatigue looks back 1 to " + com.retentionadvisor.facts.ContactCounts.RECENT_DAYS
                    + " days, not " + withinDays);
        }
        this.withinDays = withinDays;
    }

    /** Whether the pause holds back this contact: any contact for a row on ANY, else one on the row's channel. */
    public boolean appliesTo(ContactIntent intent) {
        return RowValues.matches(channel, intent.getChannel());
    }

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
