package com.retentionadvisor.advice;

import java.util.Locale;

import jakarta.ws.rs.core.HttpHeaders;

/** The language an answer's texts are written in: the first the caller accepts, else English. */
final class Languages {

    private Languages() {
    }

    static Locale of(HttpHeaders headers) {
        return headers.getAcceptableLanguages().stream()
                .filter(l -> !l.getLanguage().isEmpty() && !"*".equals(l.getLanguage()))
                .findFirst()
                .orElse(Locale.ENGLISH);
    }
}
