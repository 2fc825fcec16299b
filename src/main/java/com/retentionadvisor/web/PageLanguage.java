package com.retentionadvisor.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** The languages the manager page speaks; each is named in its own language on the page's switch. */
public enum PageLanguage {
    EN(Locale.ENGLISH, "English"),
    RU(Locale.forLanguageTag("ru"), "Русский");

    private final Locale locale;
    private final String label;

    PageLanguage(Locale locale, String label) {
        this.locale = locale;
        this.label = label;
    }

    public Locale locale() {
        return locale;
    }

    public String label() {
        return label;
    }

    /** The value of ?lang= that chooses this language. */
    public String code() {
        return locale.getLanguage();
    }

    /** ?lang= when it names a language the page speaks, else the first such language the browser accepts, else English. */
    public static PageLanguage of(String lang, List<Locale> acceptable) {
        return byCode(lang)
                .or(() -> acceptable.stream().map(Locale::getLanguage).flatMap(code -> byCode(code).stream()).findFirst())
                .orElse(EN);
    }

    private static Optional<PageLanguage> byCode(String code) {
        return code == null ? Optional.empty()
                : Stream.of(values()).filter(language -> language.code().equalsIgnoreCase(code.strip())).findFirst();
    }
}
