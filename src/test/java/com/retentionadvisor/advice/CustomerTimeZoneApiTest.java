package com.retentionadvisor.advice;

import static com.retentionadvisor.Crm.customer;
import static com.retentionadvisor.Crm.push;
import static com.retentionadvisor.Crm.pushAll;
import static com.retentionadvisor.Crm.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A customer's time zone goes from the CRM to the rules: the same instant is night for one customer and day for
 * another, and a contact held back by the time of day says when it may be asked again (retryAfter), in the single
 * check and in the audience check alike. Which hours are quiet is the rules' (rules/tests/quiet-hours.yaml); this
 * checks the way there.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class CustomerTimeZoneApiTest {

    // 03:00 in Vladivostok, 13:00 the day before in New York.
    private static final Instant AT = Instant.parse("2026-03-25T17:00:00Z");

    @Test
    void shouldTurnAwayATimeZoneThatDoesNotExist() {
        push("customers", List.of(customer(unique("TZ")).with("timeZone", "Mars/Olympus_Mons"))).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("timeZone"));
    }

    @Test
    void shouldCheckAContactOnTheCustomersOwnClock() {
        String east = unique("TZ-EAST");
        String west = unique("TZ-WEST");
        pushAll("customers", List.of(customer(east).with("timeZone", "Asia/Vladivostok"), customer(west).with("timeZone", "America/New_York")));

        JsonPath night = check(east);
        JsonPath day = check(west);
        assertNotEquals(night.getBoolean("allowed"), day.getBoolean("allowed"), "the same instant, two local times: " + night.prettify() + day.prettify());
        JsonPath refused = night.getBoolean("allowed") ? day : night;
        Instant retryAfter = Instant.parse(refused.getString("retryAfter"));
        assertTrue(retryAfter.isAfter(AT), "asked again later: " + retryAfter);
        assertNull((night.getBoolean("allowed") ? night : day).get("retryAfter"), "an allowed contact has no retryAfter");

        // The audience check answers each customer as the single check does.
        JsonPath audience = given().contentType(ContentType.JSON)
                .body(Map.of("channel", "PHONE", "purpose", "VALUE", "customerIds", List.of(east, west), "asOf", AT.toString()))
                .post("/api/contact-checks").then().statusCode(200).extract().jsonPath();
        assertEquals(night.getBoolean("allowed"), audience.getBoolean("items.find { it.customerId == '" + east + "' }.allowed"));
        assertEquals(refused.getString("retryAfter"), audience.getString("items.find { it.allowed == false }.retryAfter"));
    }

    @Test
    void shouldGiveNoRetryTimeWhenTheCustomerHasNone() {
        String id = unique("TZ-NONE");
        pushAll("customers", List.of(customer(id)));
        given().contentType(ContentType.JSON).queryParam("asOf", AT.toString())
                .body(Map.of("channel", "EMAIL", "purpose", "VALUE"))
                .post("/api/customers/{id}/contact-check", id).then().statusCode(200)
                .body("allowed", equalTo(true));
    }

    private static JsonPath check(String customerId) {
        return given().contentType(ContentType.JSON).queryParam("asOf", AT.toString())
                .body(Map.of("channel", "PHONE", "purpose", "VALUE"))
                .post("/api/customers/{id}/contact-check", customerId).then().statusCode(200).extract().jsonPath();
    }
}
