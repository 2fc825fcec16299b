package com.retentionadvisor.rules;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The texts behind the codes rules emit (rules/messages*.properties), so rule files stay free of prose and
 * an analyst can reword an explanation without touching a rule.
 */
public final class RuleMessages {

    private final Map<String, Properties> byLanguage;
    // Parsing a pattern costs more than formatting it: each is parsed once per language; a copy formats (a
    // MessageFormat is not safe to share between threads).
    private final Map<String, MessageFormat> parsed = new ConcurrentHashMap<>();

    RuleMessages(Map<String, Properties> byLanguage) {
        this.byLanguage = Map.copyOf(byLanguage);
    }

    /** The message for a key in the locale's language, falling back to English, then to the key itself. */
    public String format(Locale locale, String key, List<Object> args) {
        String pattern = lookup(locale.getLanguage(), key);
        if (pattern == null) {
            pattern = lookup("", key);
        }
        if (pattern == null) {
            return args.isEmpty() ? key : key + " " + args;
        }
        String text = pattern;
        MessageFormat format = parsed.computeIfAbsent(locale.toLanguageTag() + "\u0000" + key, k -> new MessageFormat(text, locale));
        return ((MessageFormat) format.clone()).format(args.toArray());
    }

    private String lookup(String language, String key) {
        Properties messages = byLanguage.get(language);
        return messages == null ? null : messages.getProperty(key);
    }
}
