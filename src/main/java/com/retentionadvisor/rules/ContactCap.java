package com.retentionadvisor.rules;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.retentionadvisor.contacts.Channel;
import com.retentionadvisor.contacts.Purpose;
import com.retentionadvisor.facts.ContactCounts;
import com.retentionadvisor.facts.LoggedContact;

/**
 * A cap on contacts, a row of contact-policy/caps-by-segment.drl.xlsx: at most {@code maxContacts} counted contacts
 * on a channel (or ANY), of a purpose (or ANY), of a campaign (ANY: whatever the campaign; EACH: of the campaign being
 * checked; or one campaign by name, in any case), per account or per person, within a window that is either rolling
 * ("7 days": the 7 times 24 hours before the check) or a calendar period ("calendar day", "calendar week" from Monday
 * 00:00, "calendar month" from the 1st) on the account's clock, or the person's for a cap per person. Its rule is the
 * table row that made it.
 */
public final class ContactCap extends RuleOutcome {

    public static final String ANY = RowValues.ANY;
    public static final String EACH = "EACH";
    public static final String PER_ACCOUNT = "ACCOUNT";
    public static final String PER_PERSON = "PERSON";

    private static final Pattern ROLLING = Pattern.compile("(\\d{1,3}) days?");
    private static final Pattern CALENDAR = Pattern.compile("calendar (day|week|month)");

    private String segment = "*";
    private String channel = ANY;
    private String purpose = ANY;
    private String campaign = ANY;
    private String per = PER_ACCOUNT;
    private String window;
    private int rollingDays;
    private String calendarUnit;
    private int maxContacts;
    private boolean copied;

    /** The same cap for another segment: a segment without caps of its own takes those of segment *. */
    public ContactCap copyFor(String otherSegment) {
        ContactCap copy = new ContactCap();
        copy.segment = otherSegment;
        copy.channel = channel;
        copy.purpose = purpose;
        copy.campaign = campaign;
        copy.per = per;
        copy.window = window;
        copy.rollingDays = rollingDays;
        copy.calendarUnit = calendarUnit;
        copy.maxContacts = maxContacts;
        copy.copied = true;
        copy.firedBy(getRule()); // the copy is still the row of segment *
        return copy;
    }

    public void setSegment(String segment) {
        this.segment = segment.trim();
    }

    public void setChannel(String channel) {
        this.channel = RowValues.anyOr(channel, Channel.class);
    }

    public void setPurpose(String purpose) {
        this.purpose = RowValues.anyOr(purpose, Purpose.class);
    }

    public void setCampaign(String campaign) {
        String value = campaign.trim();
        this.campaign = value.equalsIgnoreCase(ANY) ? ANY : value.equalsIgnoreCase(EACH) ? EACH : value;
    }

    public void setPer(String per) {
        String value = per.trim().toUpperCase(Locale.ROOT);
        if (!PER_ACCOUNT.equals(value) && !PER_PERSON.equals(value)) {
            throw new IllegalArgumentException("a cap counts per ACCOUNT or per PERSON, not '" + per + "'");
        }
        this.per = value;
    }

    /** "N days" (rolling, 1 to 90) or "calendar day", "calendar week", "calendar month". */
    public void setWindow(String window) {
        String value = window.trim().toLowerCase(Locale.ROOT);
        Matcher rolling = ROLLING.matcher(value);
        Matcher calendar = CALENDAR.matcher(value);
        if (rolling.matches()) {
            int days = Integer.parseInt(rolling.group(1));
            if (days < 1 || days > ContactCounts.RECENT_DAYS) {
                throw new IllegalArgumentException("a rolling cap window is 1 to " + ContactCounts.RECENT_DAYS + " days, not " + days);
            }
            rollingDays = days;
            calendarUnit = null;
        } else if (calendar.matches()) {
            calendarUnit = calendar.group(1);
            rollingDays = 0;
        } else {
            throw new IllegalArgumentException("a cap window is 'N days' (rolling) or 'calendar day', 'calendar week' or"
                    + " 'calendar month', not '" + window + "'");
        }
        this.window = value;
    }

    public void setMaxContacts(int maxContacts) {
        if (maxContacts < 0) {
            throw new IllegalArgumentException("a cap allows 0 or more contacts, not " + maxContacts);
        }
        this.maxContacts = maxContacts;
    }

    public String getSegment() {
        return segment;
    }

    public String getChannel() {
        return channel;
    }

    public String getPurpose() {
        return purpose;
    }

    public String getCampaign() {
        return campaign;
    }

    public String getPer() {
        return per;
    }

    public boolean isPerPerson() {
        return PER_PERSON.equals(per);
    }

    public String getWindow() {
        return window;
    }

    public boolean isCalendar() {
        return calendarUnit != null;
    }

    public int getMaxContacts() {
        return maxContacts;
    }

    public boolean isCopied() {
        return copied;
    }

    /** The segment whose row the cap is: the customer's own, or * when copied from it. */
    public String getRowSegment() {
        return copied ? "*" : segment;
    }

    /**
     * Whether the cap holds back this contact: on its channel (or any), of its purpose (or any), of its campaign (any;
     * EACH: any named campaign; or the one named), and for a per-person cap only when a person is named.
     */
    public boolean binds(ContactIntent intent) {
        if (window == null) {
            return false;
        }
        boolean onChannel = RowValues.matches(channel, intent.getChannel());
        boolean ofPurpose = RowValues.matches(purpose, intent.getPurpose());
        boolean ofCampaign = EACH.equals(campaign) ? intent.getCampaign() != null : RowValues.matchesCampaign(campaign, intent.getCampaign());
        boolean ofPerson = !isPerPerson() || intent.getPerson() != null;
        return onChannel && ofPurpose && ofCampaign && ofPerson;
    }

    /**
     * Whether this cap counts a contact made earlier against the contact being checked, its window aside: on its
     * channel, of its purpose and campaign (EACH: the checked contact's), and for a cap per person, with that person.
     */
    public boolean counts(LoggedContact contact, ContactIntent intent) {
        return RowValues.matches(channel, contact.channel()) && RowValues.matches(purpose, contact.purpose())
                && (EACH.equals(campaign) ? contact.campaign() != null && contact.campaign().equalsIgnoreCase(intent.getCampaign())
                        : RowValues.matchesCampaign(campaign, contact.campaign()))
                && (!isPerPerson() || intent.getPerson() != null && intent.getPerson().equals(contact.person()));
    }

    /** Where the window the cap counts starts, for a check at {@code asOf} on a clock in {@code zone}. */
    public Instant windowStart(Instant asOf, ZoneId zone) {
        if (!isCalendar()) {
            return asOf.minus(Duration.ofDays(rollingDays));
        }
        LocalDate today = asOf.atZone(zone).toLocalDate();
        LocalDate first = switch (calendarUnit) {
            case "day" -> today;
            case "week" -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            default -> today.withDayOfMonth(1);
        };
        return first.atStartOfDay(zone).toInstant();
    }

    /** Where the window ends: the check itself for a rolling window, the start of the next period for a calendar one. */
    public Instant windowEnd(Instant asOf, ZoneId zone) {
        if (!isCalendar()) {
            return asOf;
        }
        LocalDate first = windowStart(asOf, zone).atZone(zone).toLocalDate();
        LocalDate next = switch (calendarUnit) {
            case "day" -> first.plusDays(1);
            case "week" -> first.plusWeeks(1);
            default -> first.plusMonths(1);
        };
        return next.atStartOfDay(zone).toInstant();
    }

    public int getRollingDays() {
        return rollingDays;
    }

    @Override
    public String toString() {
        return "ContactCap[" + segment + ", " + channel + ", " + purpose + ", " + campaign + ", per " + per + ", " + window
                + ", max " + maxContacts + "]";
    }
}
