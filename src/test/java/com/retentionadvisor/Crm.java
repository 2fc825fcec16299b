package com.retentionadvisor;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Plays the CRM in REST tests: builds items with sensible defaults and pushes them through the real API. */
public final class Crm {

    /** The instant test histories are written against; advice is asked "as of" it. */
    public static final Instant AS_OF = Instant.parse("2026-06-30T12:00:00Z");

    private Crm() {
    }

    /** A prefix that keeps one test's records apart from another's in the shared database. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Instant daysBefore(double days) {
        return AS_OF.minus(Duration.ofSeconds(Math.round(days * 86_400)));
    }

    public static ValidatableResponse push(String kind, List<?> items) {
        return given().contentType(ContentType.JSON).body(items)
                .when().post("/api/" + kind + "/batch")
                .then();
    }

    /** Pushes and expects every item to be written. */
    public static void pushAll(String kind, List<?> items) {
        push(kind, items).statusCode(200);
    }

    /** A new customer (its id starting with the prefix) whose latest survey, three days before AS_OF, scored NPS 2. */
    public static String detractor(String prefix) {
        String id = unique(prefix);
        pushAll("customers", List.of(customer(id)));
        pushAll("surveys", List.of(survey(unique("S"), id, 3, 2, null)));
        return id;
    }

    public static Item manager(String id) {
        return new Item().with("externalId", id).with("name", "Manager " + id).with("email", "m@example.com");
    }

    public static Item customer(String id) {
        return new Item().with("externalId", id).with("name", "Customer " + id).with("segment", "SMB")
                .with("createdAt", "2024-01-15T09:00:00Z").with("status", "ACTIVE");
    }

    public static Item contact(String id, String customerId, double daysBefore) {
        return new Item().with("externalId", id).with("customerExternalId", customerId)
                .with("occurredAt", daysBefore(daysBefore).toString())
                .with("channel", "EMAIL").with("direction", "OUTBOUND").with("purpose", "VALUE");
    }

    public static Item wonOrder(String id, String customerId, double daysBefore, String amount) {
        return new Item().with("externalId", id).with("customerExternalId", customerId).with("amount", new java.math.BigDecimal(amount))
                .with("currency", "EUR").with("status", "WON")
                .with("openedAt", daysBefore(daysBefore + 10).toString()).with("closedAt", daysBefore(daysBefore).toString());
    }

    public static Item emailEvent(String id, String customerId, double daysBefore, String type, String campaign) {
        return new Item().with("externalId", id).with("customerExternalId", customerId)
                .with("occurredAt", daysBefore(daysBefore).toString()).with("type", type).with("campaign", campaign);
    }

    public static Item survey(String id, String customerId, double daysBefore, Integer nps, Integer csat) {
        return new Item().with("externalId", id).with("customerExternalId", customerId)
                .with("answeredAt", daysBefore(daysBefore).toString()).with("nps", nps).with("csat", csat);
    }

    public static Item subscription(String id, String customerId, String startsOn, String endsOn, boolean autoRenew) {
        return new Item().with("externalId", id).with("customerExternalId", customerId).with("product", "CRM Cloud")
                .with("startsOn", startsOn).with("endsOn", endsOn).with("autoRenew", autoRenew).with("annual", true);
    }

    public static Item assignment(String id, String customerId, String managerId, double startsDaysBefore, boolean handover) {
        return new Item().with("externalId", id).with("customerExternalId", customerId).with("managerExternalId", managerId)
                .with("startsAt", daysBefore(startsDaysBefore).toString()).with("handover", handover);
    }

    public static Item ticket(String id, String customerId, double openedDaysBefore, String kind) {
        return new Item().with("externalId", id).with("customerExternalId", customerId)
                .with("openedAt", daysBefore(openedDaysBefore).toString()).with("kind", kind).with("severity", "HIGH");
    }

    /** A JSON object under construction; fields keep their order. */
    public static final class Item extends LinkedHashMap<String, Object> {
        public Item with(String field, Object value) {
            put(field, value);
            return this;
        }

        public Item without(String field) {
            remove(field);
            return this;
        }

        public Map<String, Object> json() {
            return this;
        }
    }
}
