package com.retentionadvisor.problems;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * What every JSON body may hold, whatever the endpoint: text that PostgreSQL can store and that means something (no
 * NUL character, no half of a surrogate pair), and instants and dates between {@value #FIRST_YEAR} and
 * {@value #LAST_YEAR} — a CRM date outside them is a typo or a placeholder, not a customer's history.
 */
@Singleton
public class StrictJsonInput implements ObjectMapperCustomizer {

    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2099;
    private static final Instant FIRST = LocalDate.of(FIRST_YEAR, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final Instant AFTER_LAST = LocalDate.of(LAST_YEAR + 1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("strict-json-input");
        module.addDeserializer(String.class, new CheckedText());
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                if (type == Instant.class || type == OffsetDateTime.class || type == LocalDate.class) {
                    return new DatesInRange(deserializer);
                }
                return deserializer;
            }
        });
        mapper.registerModule(module);
        // A date is a date: "2026-06-15T10:00:00Z" is not taken for 2026-06-15.
        mapper.configOverride(LocalDate.class).setFormat(com.fasterxml.jackson.annotation.JsonFormat.Value.forLeniency(false));
    }

    /** Why this instant (given as {@code shown}) is refused, or null when it lies in the years accepted. */
    static String outsideYears(Instant instant, Object shown) {
        if (instant.isBefore(FIRST) || !instant.isBefore(AFTER_LAST)) {
            return "'" + shown + "' is outside the years " + FIRST_YEAR + " to " + LAST_YEAR + " the advisor accepts";
        }
        return null;
    }

    /** Why this text is refused, or null when it is fine. */
    static String problemWith(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "text may not contain the NUL character (\\u0000)";
            }
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                return "text may not contain half of a surrogate pair (\\u" + Integer.toHexString(c).toUpperCase() + "): it is not Unicode";
            }
        }
        return null;
    }

    private static final class CheckedText extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            String problem = text == null ? null : problemWith(text);
            if (problem != null) {
                throw new RefusedValueException(parser, problem);
            }
            return text;
        }
    }

    private static final class DatesInRange extends DelegatingDeserializer {
        DatesInRange(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new DatesInRange(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            Instant instant = null;
            if (value instanceof Instant i) {
                instant = i;
            } else if (value instanceof OffsetDateTime o) {
                instant = o.toInstant();
            } else if (value instanceof LocalDate d) {
                instant = d.atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            String outside = instant == null ? null : outsideYears(instant, value);
            if (outside != null) {
                throw new RefusedValueException(parser, outside);
            }
            return value;
        }
    }
}
