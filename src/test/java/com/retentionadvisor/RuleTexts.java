package com.retentionadvisor;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.hamcrest.Matchers;

import com.retentionadvisor.rulesets.ShippedRules;

/**
 * The texts of the rules' messages files (messages.properties, messages_ru.properties), read from the rules folder the
 * tests run on: a test checks that a text shown came from there, with the values the facts gave, without repeating
 * wording that the analysts own and may change.
 */
public final class RuleTexts {

    /** In {@link #textOf}, a value the test does not know (a rule's number): any text stands in its place. */
    public static final Object ANY = new Object();

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)(,[^{}]*)?\\}");
    private static final String MARK = "\u0001";

    private RuleTexts() {
    }

    /** The English text of a key with these values, as the messages file words it. */
    public static String text(String key, Object... values) {
        return text(Locale.ENGLISH, key, values);
    }

    /** The text of a key in the locale's language with these values, as its messages file words it. */
    public static String text(Locale locale, String key, Object... values) {
        return new MessageFormat(pattern(locale, key), locale).format(values);
    }

    /**
     * Matches the English text of a key with the values given in place of {0}, {1}, …, and any text in place of a
     * value given as {@link #ANY} or left out.
     */
    public static org.hamcrest.Matcher<String> textOf(String key, Object... values) {
        // Unknown values become plain {n} filled with a mark, so that a number format never meets a mark.
        Matcher placeholders = PLACEHOLDER.matcher(pattern(Locale.ENGLISH, key));
        String known = placeholders.replaceAll(found -> {
            int index = Integer.parseInt(found.group(1));
            return Matcher.quoteReplacement(index < values.length && values[index] != ANY ? found.group() : "{" + index + "}");
        });
        Object[] filled = new Object[Math.max(values.length, 10)];
        for (int i = 0; i < filled.length; i++) {
            filled[i] = i < values.length && values[i] != ANY ? values[i] : MARK + i + MARK;
        }
        String text = new MessageFormat(known, Locale.ENGLISH).format(filled);
        String regex = Arrays.stream(text.split(MARK + "\\d+" + MARK, -1)).map(Pattern::quote).collect(Collectors.joining(".+?"));
        return Matchers.matchesPattern(Pattern.compile(regex, Pattern.DOTALL));
    }

    private static String pattern(Locale locale, String key) {
        String file = locale.getLanguage().equals("en") ? "messages.properties" : "messages_" + locale.getLanguage() + ".properties";
        Properties messages = new Properties();
        try (Reader in = Files.newBufferedReader(ShippedRules.folder().resolve(file), StandardCharsets.UTF_8)) {
            messages.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String pattern = messages.getProperty(key);
        if (pattern == null) {
            throw new IllegalStateException(file + " has no text for " + key);
        }
        return pattern;
    }
}
