package com.retentionadvisor.rules;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The live ruleset's texts (rules/messages*.properties) for whoever shows what the rules said: pages, digests.
 * They read texts here, never the engine.
 */
@ApplicationScoped
public class RuleTexts {

    @Inject
    RuleEngine engine;

    /**
     * An action's title in the reader's language. Titles are stored as the evaluation wrote them (English); the rules'
     * messages have them in every language, and the stored one stands where the messages have none.
     */
    public String actionTitle(Locale locale, String actionCode, String stored) {
        String key = "action." + actionCode;
        String text = engine.live().messages().format(locale, key, List.of());
        return text.equals(key) ? stored : text;
    }
}
