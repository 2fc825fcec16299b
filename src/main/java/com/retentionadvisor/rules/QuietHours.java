package com.retentionadvisor.rules;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import com.retentionadvisor.facts.CustomerFacts;

/**
 * A time of the customer's day when proactive contact waits: a row of contact-policy/quiet-hours.drl.csv. On a
 * channel (or ANY), in a segment (or * for every one), on some days of the week, from a local time to another (21:00
 * to 09:00 runs over midnight and belongs to the day it starts on; 00:00 to 24:00 is the whole day). Times are the
 * customer's own (their time zone), so daylight saving time moves the instant, not the hour.
 */
public final class QuietHours {

    public static final String ANY_CHANNEL = RowValues.ANY;
    public static final String EVERY_SEGMENT = "*";
    private static final int DAY = 24 * 60;

    private String channel = ANY_CHANNEL;
    private String segment = EVERY_SEGMENT;
    private String days = "ALL";
    private Set<DayOfWeek> onDays = EnumSet.allOf(DayOfWeek.class);
    private int from;
    private int to = DAY;

    /** EMAIL, PHONE, … or ANY. */
    public void setChannel(String channel) {
        this.channel = channel.strip();
    }

    /** A segment, or * for every one. */
    public void setSegment(String segment) {
        this.segment = segment.strip();
    }

    /** ALL, or day names separated by spaces or commas (SATURDAY SUNDAY). */
    public void setDays(String days) {
        this.onDays = parseDays(days.strip());
        this.days = days.strip();
    }

    /** HH:mm, the customer's local time. */
    public void setFrom(String from) {
        this.from = minutes(from, "from");
    }

    /** HH:mm, the customer's local time; 24:00 ends the day. Not the same as from. */
    public void setTo(String to) {
        this.to = minutes(to, "to");
        if (this.from == this.to) {
            throw new IllegalArgumentException("quiet hours from " + text(from) + " to " + to + " are empty; the whole day is 00:00 to 24:00");
        }
    }

    public String getChannel() {
        return channel;
    }

    public String getSegment() {
        return segment;
    }

    public String getDays() {
        return days;
    }

    /** The days as a person reads them: every day, or on Saturday, Sunday. */
    public String getDaysText() {
        if (onDays.size() == 7) {
            return "every day";
        }
        return onDays.stream().map(day -> day.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH))
                .collect(java.util.stream.Collectors.joining(", ", "on ", ""));
    }

    /** From 00:00 to 24:00: the whole day. */
    public boolean isWholeDay() {
        return from == 0 && to == DAY;
    }

    public String getFrom() {
        return text(from);
    }

    public String getTo() {
        return text(to);
    }

    /** Whether the row binds this contact of a customer of this segment: its channel or ANY, its segment or *. */
    public boolean appliesTo(ContactIntent intent, String customerSegment) {
        boolean channelMatches = RowValues.matches(channel, intent.getChannel());
        return channelMatches && (EVERY_SEGMENT.equals(segment) || segment.equals(customerSegment));
    }

    /** Whether the customer's as-of instant falls in these hours (never when the facts have no as-of instant). */
    public boolean covers(CustomerFacts facts) {
        return facts.getAsOf() != null && covers(facts.getAsOf(), facts.zone());
    }

    public boolean covers(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        int minute = local.getHour() * 60 + local.getMinute();
        DayOfWeek day = local.getDayOfWeek();
        if (from < to) {
            return onDays.contains(day) && minute >= from && minute < to;
        }
        return onDays.contains(day) && minute >= from || onDays.contains(day.minus(1)) && minute < to;
    }

    /** When the hours that cover {@code at} end, on the customer's clock. */
    public Instant endAfter(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        int minute = local.getHour() * 60 + local.getMinute();
        LocalDate endDay = from > to && minute >= from ? local.toLocalDate().plusDays(1) : local.toLocalDate();
        ZonedDateTime end = to == DAY ? endDay.plusDays(1).atStartOfDay(zone) : ZonedDateTime.of(endDay, LocalTime.of(to / 60, to % 60), zone);
        return end.toInstant();
    }

    /**
     * The first moment from the customer's as-of instant on that none of the given hours covers: when a contact they
     * hold back may be made (one window may end where the next begins, e.g. a night that runs into a weekend).
     */
    public static Instant firstMomentOutside(Collection<QuietHours> hours, CustomerFacts facts) {
        ZoneId zone = facts.zone();
        Instant at = facts.getAsOf();
        for (int step = 0; step < 32; step++) {
            Instant now = at;
            QuietHours covering = hours.stream().filter(quiet -> quiet.covers(now, zone)).findFirst().orElse(null);
            if (covering == null) {
                return at;
            }
            at = covering.endAfter(at, zone);
        }
        return at;
    }

    private static Set<DayOfWeek> parseDays(String days) {
        if ("ALL".equalsIgnoreCase(days)) {
            return EnumSet.allOf(DayOfWeek.class);
        }
        Set<DayOfWeek> parsed = EnumSet.noneOf(DayOfWeek.class);
        Arrays.stream(days.split("[\\s,]+")).filter(day -> !day.isEmpty()).forEach(day -> {
            try {
                parsed.add(DayOfWeek.valueOf(day.toUpperCase()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + day + "' is not a day of the week: write ALL, or MONDAY … SUNDAY");
            }
        });
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException("quiet hours need their days: ALL, or MONDAY … SUNDAY");
        }
        return parsed;
    }

    private static int minutes(String time, String which) {
        String text = time.strip();
        if (text.equals("24:00")) {
            return DAY;
        }
        try {
            LocalTime parsed = LocalTime.parse(text.length() == 4 ? "0" + text : text);
            return parsed.getHour() * 60 + parsed.getMinute();
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("quiet hours' " + which + " '" + time + "' is not a time of day HH:mm (24:00 ends a day)");
        }
    }

    private static String text(int minutes) {
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }
}
