package com.retentionadvisor.kpis;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonValue;

/** How KPIs are broken down besides the overall figures: by the customer's current manager, or by segment. */
@Schema(enumeration = { "manager", "segment" })
public enum Grouping {
    MANAGER, SEGMENT;

    /** The word the API uses: {@code groupBy=manager}. */
    @JsonValue
    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Grouping> fromParameter(String value) {
        return Arrays.stream(values()).filter(grouping -> grouping.parameter().equalsIgnoreCase(value.strip())).findFirst();
    }

    static String allowed() {
        return Arrays.stream(values()).map(Grouping::parameter).collect(Collectors.joining(", "));
    }
}
