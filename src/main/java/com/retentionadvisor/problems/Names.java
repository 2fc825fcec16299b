package com.retentionadvisor.problems;

/**
 * What a name the CRM gives (a campaign, a person's id) must look like: some visible text and no control characters
 * (the facts use two of them to keep values apart). Compared by the rules in any case, without the spaces around it.
 */
public final class Names {

    /** Some visible text, no control characters. */
    public static final String PATTERN = "[^\\p{Cntrl}]*[^\\p{Cntrl}\\s][^\\p{Cntrl}]*";

    public static final String MESSAGE = "must hold some text and no control characters";

    private Names() {
    }

    /** The name without the spaces around it; null for none. */
    public static String trimmed(String name) {
        return name == null ? null : name.strip();
    }

    /** Whether a name given is acceptable (null: none given, acceptable). */
    public static boolean valid(String name, int maxLength) {
        return name == null || name.length() <= maxLength && name.matches(PATTERN);
    }
}
