package com.retentionadvisor.web;

import java.util.Locale;
import java.util.stream.Stream;

/** What a page says after a form did what it was asked (?notice=done|dismissed on the page it returns to). */
public enum Notice {
    DONE, DISMISSED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Notice of(String code) {
        return code == null ? null : Stream.of(values()).filter(notice -> notice.code().equals(code)).findFirst().orElse(null);
    }
}
