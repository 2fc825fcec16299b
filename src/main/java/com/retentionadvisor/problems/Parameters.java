package com.retentionadvisor.problems;

import java.time.Instant;
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
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(name, "'" + value + "' is not an ISO-8601 instant with an offset, e.g. 2026-03-01T09:30:00Z");
        }
    }
}
