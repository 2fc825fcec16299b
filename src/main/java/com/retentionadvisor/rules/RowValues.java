package com.retentionadvisor.rules;

import java.util.Locale;

/**
 * What a cell of a contact-policy table says about a contact's direction, purpose, channel or campaign: {@value #ANY}
 * for every one, or one value by name. One reading and one matching for every such table (caps, exemptions, fatigue,
 * quiet hours).
 */
final class RowValues {

    static final String ANY = "ANY";

    private RowValues() {
    }

    /** The cell in capitals: ANY, or a name of {@code type}; an unknown name fails, saying which. */
    static <E extends Enum<E>> String anyOr(String cell, Class<E> type) {
        String value = cell.trim().toUpperCase(Locale.ROOT);
        if (!ANY.equals(value)) {
            Enum.valueOf(type, value); // says which value is unknown
        }
        return value;
    }

    /** Whether a row's value takes this one: ANY takes every value, a name only itself (never a value left open). */
    static boolean matches(String row, Enum<?> value) {
        return ANY.equals(row) || value != null && value.name().equals(row);
    }

    /** Whether a row's campaign takes this one: ANY takes every campaign, a name the same name in any case. */
    static boolean matchesCampaign(String row, String campaign) {
        return ANY.equals(row) || row.equalsIgnoreCase(campaign);
    }
}
