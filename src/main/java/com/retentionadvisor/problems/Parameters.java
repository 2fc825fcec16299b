package com.retentionadvisor.problems;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Query parameters read as the API documents them; a value that cannot be read is a 400 naming the parameter. */
public final class Parameters {

    private Parameters() {
    }

    /** An ISO-8601 instant with an offset (2026-03-01T09:30:00Z), or {@code otherwise} when the parameter is absent. */
    public static Instant instant(String name, String value, Instant otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(name, "'" + value + "' is not an ISO-8601 instant with an offset, e.g. 2026-03-01T09:30:00Z");
        }
        String outside = StrictJsonInput.outsideYears(instant, value);
        if (outside != null) {
            throw InvalidInputException.of(name, outside);
        }
        return instant;
    }

    /** An ISO date (2026-03-01), or {@code otherwise} when the parameter is absent. */
    public static LocalDate date(String name, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(name, "'" + value + "' is not an ISO date, e.g. 2026-03-01");
        }
        String outside = StrictJsonInput.outsideYears(date.atStartOfDay().toInstant(java.time.ZoneOffset.UTC), value);
        if (outside != null) {
            throw InvalidInputException.of(name, outside);
        }
        return date;
    }

    /** A whole number from {@code min} to {@code max}, or null when the parameter is absent. */
    public static Integer integer(String name, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Answered below, like a number out of range.
        }
        throw InvalidInputException.of(name, "'" + value + "' is not a whole number from " + min + " to " + max);
    }

    /** A number (a decimal point allowed) from {@code min} to {@code max}, or null when the parameter is absent. */
    public static Double decimal(String name, String value, double min, double max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double number = Double.parseDouble(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Answered below, like a number out of range.
        }
        throw InvalidInputException.of(name, "'" + value + "' is not a number from " + min + " to " + max);
    }

    /** A number of seconds from 0 to {@code max}; none when absent. */
    public static Duration seconds(String name, String value, int max) {
        Integer seconds = integer(name, value, 0, max);
        return seconds == null ? Duration.ZERO : Duration.ofSeconds(seconds);
    }

    /** One of an enum's values by name, or null when the parameter is absent. */
    public static <E extends Enum<E>> E oneOf(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(name, "'" + value + "' is not one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(java.util.stream.Collectors.joining(", ")));
        }
    }
}
