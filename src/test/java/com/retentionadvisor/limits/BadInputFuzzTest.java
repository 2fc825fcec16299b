package com.retentionadvisor.limits;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import com.retentionadvisor.Crm;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.sessions.JqwikSession;

/**
 * Throws thousands of generated bad payloads at the ingest and contact-check endpoints. Each payload carries at least
 * one value that must be refused (wrong type, unknown enum value, huge number, a date before 1900 or after 2100,
 * text with NUL or a broken surrogate pair, a missing id, an unknown field, the same id twice, broken JSON), mixed
 * with well-formed items full of unusual but valid text, so that a partial write would show. Every answer must be a
 * 4xx problem document, and the stored data must be byte for byte what it was. The seed and count can be set with
 * -Dfuzz.seed and -Dfuzz.payloads; a failure names the seed and the payload's number.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class BadInputFuzzTest {

    private static final Logger LOG = Logger.getLogger(BadInputFuzzTest.class);
    private static final long SEED = Long.getLong("fuzz.seed", 20261126L);
    private static final int PAYLOADS = Integer.getInteger("fuzz.payloads", 3000);
    private static final String CUSTOMER = "FUZZ-C1";
    private static final String MANAGER = "FUZZ-M1";
    /** The stored data a refused request must leave untouched (the audit and notification tables change on their own). */
    private static final List<String> TABLES = List.of("manager", "customer", "manager_assignment", "contact", "deal",
            "subscription", "survey_response", "email_event", "ticket", "advice", "global_fact", "recommendation",
            "contact_check");

    // Non-ASCII as \\u escapes, so that half a surrogate pair reaches the service as such and not as a '?'.
    private final ObjectMapper json = new ObjectMapper().enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());

    @Inject
    AgroalDataSource dataSource;

    enum Type { ID, TEXT, INSTANT, DATE, ENUM, AMOUNT, SCORE, BOOL, CURRENCY }

    /** An endpoint, a valid item for it and the type of each of its fields. */
    record Target(String path, Function<String, Crm.Item> valid, Map<String, Type> fields) {
    }

    private static Map<String, Type> fields(Object... nameAndType) {
        Map<String, Type> fields = new LinkedHashMap<>();
        for (int i = 0; i < nameAndType.length; i += 2) {
            fields.put((String) nameAndType[i], (Type) nameAndType[i + 1]);
        }
        return fields;
    }

    private static final List<Target> BATCHES = List.of(
            new Target("/api/managers/batch", Crm::manager, fields("externalId", Type.ID, "name", Type.TEXT)),
            new Target("/api/customers/batch", id -> Crm.customer(id).with("managerExternalId", MANAGER),
                    fields("externalId", Type.ID, "name", Type.TEXT, "segment", Type.TEXT, "createdAt", Type.INSTANT,
                            "status", Type.ENUM, "managerExternalId", Type.ID)),
            new Target("/api/assignments/batch", id -> Crm.assignment(id, CUSTOMER, MANAGER, 30, false),
                    fields("externalId", Type.ID, "customerExternalId", Type.ID, "managerExternalId", Type.ID,
                            "startsAt", Type.INSTANT, "handover", Type.BOOL)),
            new Target("/api/contacts/batch", id -> Crm.contact(id, CUSTOMER, 3),
                    fields("externalId", Type.ID, "customerExternalId", Type.ID, "occurredAt", Type.INSTANT,
                            "channel", Type.ENUM, "direction", Type.ENUM, "purpose", Type.ENUM)),
            new Target("/api/deals/batch", id -> Crm.wonOrder(id, CUSTOMER, 20, "1200.50"),
                    fields("externalId", Type.ID, "customerExternalId", Type.ID, "amount", Type.AMOUNT,
                            "currency", Type.CURRENCY, "status", Type.ENUM, "openedAt", Type.INSTANT, "closedAt", Type.INSTANT)),
            new Target("/api/subscriptions/batch", id -> Crm.subscription(id, CUSTOMER, "2026-01-01", "2026-12-31", true),
                    fields("externalId", Type.ID, "customerExternalId", Type.ID, "product", Type.TEXT,
                            "startsOn", Type.DATE, "endsOn", Type.DATE, "autoRenew", Type.BOOL, "annual", Type.BOOL)),
            new Target("/api/surveys/batch", id -> Crm.survey(id, CUSTOMER, 5, 9, 5),
                    fields("externalId", Type.ID, "customerExternalId", Type.ID, "answeredAt", Type.INSTANT,
                            "nps", Type.SCORE, "csat", Type.SCORE)),
            new Target("/api/email-events/batch", id -> Crm.emailEvent(id, CUSTOMER, 4, "OPENED", "Spring news"),
                    fields("externalId", Type.ID, "customerExternalId", Type.ID, "occurredAt", Type.INSTANT,
                            "type", Type.ENUM, "campaign", Type.TEXT)),
            new Target("/api/tickets/batch", id -> Crm.ticket(id, CUSTOMER, 2, "COMPLAINT"),
                    fields("externalId", Type.ID, "customerExternalId", Type.ID, "openedAt", Type.INSTANT,
                            "kind", Type.ENUM, "severity", Type.ENUM)));

    // Valid but unusual text: other scripts, emoji, combining marks, right-to-left marks, long words.
    private static final Arbitrary<String> UNUSUAL_TEXT = Arbitraries.oneOf(
            Arbitraries.strings().withCharRange('\u0400', '\u04FF').ofMinLength(1).ofMaxLength(40),
            Arbitraries.of("Ölçü ☃ 😀 𝄞", "\u202Eevil\u202C", "a\u0301\u0302\u0303", "中文客户", "  spaced  ", "O'Brien; DROP TABLE customer;--"),
            Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(90));

    private static final Arbitrary<Object> WRONG_SHAPE = Arbitraries.of(Map.of("nested", 1), List.of(), List.of(1, 2), Map.of());

    private static final Arbitrary<String> BROKEN_TEXT = Arbitraries.strings().ofMinLength(0).ofMaxLength(20)
            .flatMap(around -> Arbitraries.of("\u0000", "\uD800", "\uDFFF", "x\uDBFFy").map(bad -> around + bad + around));

    private static final Arbitrary<String> BAD_INSTANT = Arbitraries.oneOf(
            Arbitraries.integers().between(-9999, 1899).map(year -> String.format("%04d-06-15T10:00:00Z", year).replace("--", "-")),
            Arbitraries.integers().between(2100, 9999).map(year -> year + "-06-15T10:00:00Z"),
            Arbitraries.of("+10000-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z", "2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z",
                    "2026-06-15T10:00:00", "2026-06-15", "yesterday", "", "2026-06-15T25:61:00Z", "1899-12-31T23:59:59Z"));

    private static final Arbitrary<String> BAD_DATE = Arbitraries.oneOf(
            Arbitraries.integers().between(1000, 1899).map(year -> year + "-06-15"),
            Arbitraries.integers().between(2100, 9999).map(year -> year + "-06-15"),
            Arbitraries.of("+10000-01-01", "2026-02-30", "2026-6-1", "15.06.2026", "2026-06-15T10:00:00Z", ""));

    private static final Arbitrary<Object> BAD_NUMBER = Arbitraries.of(
            new java.math.BigDecimal("1e400"), new java.math.BigDecimal("-1"), new java.math.BigDecimal("1e16"),
            new java.math.BigDecimal("99999999999999999999999999999"), new java.math.BigDecimal("0.123456789"),
            new java.math.BigInteger("9".repeat(1200)), "a lot", "NaN", "Infinity", true);

    private static final Arbitrary<Object> BAD_SCORE = Arbitraries.of(11, -1, 1000000, new java.math.BigInteger("9".repeat(30)),
            new java.math.BigDecimal("1e400"), "ten", "NaN");

    private static final Arbitrary<String> UNKNOWN_ENUM = Arbitraries.strings().ofMinLength(0).ofMaxLength(12)
            .map(s -> "NOT_" + s);

    private Object badValue(Type type, Random random) {
        if (random.nextInt(5) == 0) {
            return sample(WRONG_SHAPE, random);
        }
        return switch (type) {
            // Never blank: a blank optional id (a manager) is no id, not a refusal. Blank required ids: see badBatch.
            case ID -> random.nextBoolean() ? sample(BROKEN_TEXT, random) : "x".repeat(101 + random.nextInt(5000));
            case TEXT -> sample(BROKEN_TEXT, random);
            case INSTANT -> sample(BAD_INSTANT, random);
            case DATE -> sample(BAD_DATE, random);
            case ENUM -> sample(UNKNOWN_ENUM, random);
            case AMOUNT -> sample(BAD_NUMBER, random);
            case SCORE -> sample(BAD_SCORE, random);
            case BOOL -> random.nextBoolean() ? "maybe" : "";
            case CURRENCY -> random.nextBoolean() ? "eur" : sample(BROKEN_TEXT, random);
        };
    }

    private static <T> T sample(Arbitrary<T> arbitrary, Random random) {
        return arbitrary.generator(1000).next(random).value();
    }

    /** One bad batch: well-formed items with unusual text, and one or more refused values, or broken JSON. */
    private String badBatch(Target target, int number, Random random) throws Exception {
        List<Object> items = new ArrayList<>();
        int size = 1 + random.nextInt(4);
        for (int i = 0; i < size; i++) {
            Crm.Item item = target.valid().apply("FUZZ-" + number + "-" + i);
            target.fields().entrySet().stream()
                    .filter(field -> field.getValue() == Type.TEXT && random.nextBoolean())
                    .forEach(field -> item.with(field.getKey(), sample(UNUSUAL_TEXT, random)));
            items.add(item);
        }
        int victim = random.nextInt(size);
        Crm.Item bad = (Crm.Item) items.get(victim);
        switch (random.nextInt(10)) {
            case 0 -> {
                if (random.nextBoolean()) {
                    bad.remove("externalId");
                } else {
                    bad.put("externalId", random.nextBoolean() ? "   " : "");
                }
            }
            case 1 -> bad.with("noSuchField" + random.nextInt(100), sample(UNUSUAL_TEXT, random));
            case 2 -> items.add(target.valid().apply(bad.get("externalId").toString()));
            case 3 -> items.set(victim, random.nextBoolean() ? null : sample(UNUSUAL_TEXT, random));
            default -> {
                List<String> names = new ArrayList<>(target.fields().keySet());
                int changes = 1 + random.nextInt(2);
                for (int i = 0; i < changes; i++) {
                    String field = names.get(random.nextInt(names.size()));
                    bad.put(field, badValue(target.fields().get(field), random));
                }
            }
        }
        String body = json.writeValueAsString(items);
        return switch (random.nextInt(12)) {
            case 0 -> body.substring(0, random.nextInt(body.length())); // cut short
            case 1 -> body.replaceFirst("\\{", "{\"a\":" + "[".repeat(2000)); // nested beyond reason
            case 2 -> random.nextBoolean() ? "{}" : "\"items\"";
            default -> body;
        };
    }

    private String badContactCheck(Random random) throws Exception {
        Map<String, Object> request = new TreeMap<>(Map.of("channel", "EMAIL", "purpose", "SALES", "direction", "OUTBOUND"));
        switch (random.nextInt(5)) {
            case 0 -> request.remove(random.nextBoolean() ? "channel" : "purpose");
            case 1 -> request.put("unexpected", sample(UNUSUAL_TEXT, random));
            default -> {
                String field = List.of("channel", "purpose", "direction").get(random.nextInt(3));
                request.put(field, random.nextInt(3) == 0 ? sample(WRONG_SHAPE, random) : sample(UNKNOWN_ENUM, random));
            }
        }
        String body = json.writeValueAsString(request);
        return random.nextInt(8) == 0 ? body.substring(0, random.nextInt(body.length())) : body;
    }

    @Test
    void badPayloadsAreRefusedWithAProblemAndChangeNothing() throws Exception {
        Crm.pushAll("managers", List.of(Crm.manager(MANAGER)));
        Crm.pushAll("customers", List.of(Crm.customer(CUSTOMER).with("managerExternalId", MANAGER)));
        String before = fingerprint();
        Random random = new Random(SEED);
        JqwikSession.start(); // jqwik's generators, outside its own test engine
        try {
            send(random, before);
        } finally {
            JqwikSession.finish();
        }
    }

    private void send(Random random, String before) throws Exception {
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int number = 0; number < PAYLOADS; number++) {
            boolean contactCheck = random.nextInt(6) == 0;
            String path;
            String body;
            if (contactCheck) {
                String customer = random.nextInt(4) == 0 ? sample(UNUSUAL_TEXT, random) : CUSTOMER;
                path = "/api/customers/" + java.net.URLEncoder.encode(customer, java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20") + "/contact-check";
                body = badContactCheck(random);
            } else {
                Target target = BATCHES.get(random.nextInt(BATCHES.size()));
                path = target.path();
                body = badBatch(target, number, random);
            }
            Response response = given().contentType("application/json; charset=UTF-8").body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .when().post(path);
            int status = response.statusCode();
            statuses.merge(status, 1, Integer::sum);
            boolean problem = String.valueOf(response.contentType()).startsWith("application/problem+json");
            if ((status < 400 || status >= 500 || !problem) && failures.size() < 15) {
                failures.add("payload " + number + " (seed " + SEED + ") to " + path + " answered " + status + " "
                        + response.contentType() + ": " + abbreviate(response.asString()) + "\n    sent: " + abbreviate(body));
            }
        }
        LOG.infof("Fuzzed %d bad payloads (seed %d): answers by status %s", PAYLOADS, SEED, statuses);
        assertTrue(failures.isEmpty(), "bad payloads were not refused with a 4xx problem:\n" + String.join("\n", failures));
        assertEquals(before, fingerprint(), "a refused payload changed the stored data");
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /** Every row of every table a request could write, hashed per table. */
    private String fingerprint() throws Exception {
        StringBuilder all = new StringBuilder();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rows = statement.executeQuery("select count(*), coalesce(md5(string_agg(t::text, '|' order by t::text)), '-') from "
                        + table + " t")) {
                    rows.next();
                    all.append(table).append(' ').append(rows.getLong(1)).append(' ').append(rows.getString(2)).append('\n');
                }
            }
        }
        return all.toString();
    }
}
