package com.retentionadvisor.ingest;

import static com.retentionadvisor.Crm.assignment;
import static com.retentionadvisor.Crm.contact;
import static com.retentionadvisor.Crm.customer;
import static com.retentionadvisor.Crm.emailEvent;
import static com.retentionadvisor.Crm.manager;
import static com.retentionadvisor.Crm.push;
import static com.retentionadvisor.Crm.pushAll;
import static com.retentionadvisor.Crm.subscription;
import static com.retentionadvisor.Crm.survey;
import static com.retentionadvisor.Crm.unique;
import static com.retentionadvisor.Crm.wonOrder;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

import com.retentionadvisor.Crm;
import com.retentionadvisor.Crm.Item;
import com.retentionadvisor.customers.Customer;

@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class IngestApiTest {

    private String customerId;

    @BeforeEach
    void aKnownCustomer() {
        customerId = unique("C");
        pushAll("customers", List.of(customer(customerId)));
    }

    @Test
    void shouldCreateThenChangeNothingWhenTheSameBatchIsSentTwice() {
        List<Item> contacts = List.of(contact(unique("K"), customerId, 3), contact(unique("K"), customerId, 4));

        push("contacts", contacts).statusCode(200)
                .body("kind", equalTo("contacts"))
                .body("counts.CREATED", equalTo(2))
                .body("items[0].index", equalTo(0))
                .body("items[0].result", equalTo("CREATED"));
        push("contacts", contacts).statusCode(200)
                .body("counts.UNCHANGED", equalTo(2))
                .body("counts.CREATED", equalTo(0))
                .body("counts.UPDATED", equalTo(0));
    }

    @Test
    void shouldUpdateARecordWhoseFieldsChanged() {
        String id = unique("K");
        pushAll("contacts", List.of(contact(id, customerId, 3)));

        push("contacts", List.of(contact(id, customerId, 3).with("purpose", "SALES"))).statusCode(200)
                .body("items[0].result", equalTo("UPDATED"));
    }

    @Test
    void shouldTreatTheSameInstantInAnotherOffsetAsUnchanged() {
        String id = unique("K");
        pushAll("contacts", List.of(contact(id, customerId, 0).with("occurredAt", "2026-06-30T12:00:00Z")));

        push("contacts", List.of(contact(id, customerId, 0).with("occurredAt", "2026-06-30T15:00:00+03:00"))).statusCode(200)
                .body("items[0].result", equalTo("UNCHANGED"));
    }

    @Test
    void shouldRejectAnUnknownFieldNamingTheItemAndTheField() {
        push("contacts", List.of(contact(unique("K"), customerId, 1), contact(unique("K"), customerId, 1).with("mood", "happy")))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors[0].index", equalTo(1))
                .body("errors[0].field", equalTo("mood"))
                .body("detail", containsString("items[1].mood"));
    }

    @Test
    void shouldRejectAnUnknownEnumValueListingTheAllowedOnes() {
        push("contacts", List.of(contact(unique("K"), customerId, 1).with("channel", "FAX")))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("channel"))
                .body("errors[0].message", containsString("EMAIL, PHONE"));
    }

    @Test
    void shouldRejectAnInstantWithoutOffset() {
        push("contacts", List.of(contact(unique("K"), customerId, 1).with("occurredAt", "2026-06-01T10:00:00")))
                .statusCode(400)
                .body("errors[0].field", equalTo("occurredAt"));
    }

    @Test
    void shouldRejectDatesBefore1900AndAfter2099() {
        push("contacts", List.of(contact(unique("K"), customerId, 1).with("occurredAt", "1899-12-31T23:59:59Z")))
                .statusCode(400)
                .body("errors[0].field", equalTo("occurredAt"))
                .body("errors[0].message", equalTo("'1899-12-31T23:59:59Z' is outside the years 1900 to 2099 the advisor accepts"));
        push("subscriptions", List.of(subscription(unique("S"), customerId, "2026-01-01", "2100-01-01", true)))
                .statusCode(400)
                .body("errors[0].field", equalTo("endsOn"));
    }

    @Test
    void shouldRejectADateTimeWhereADateIsExpected() {
        push("subscriptions", List.of(subscription(unique("S"), customerId, "2026-01-01T10:00:00Z", "2026-12-31", true)))
                .statusCode(400)
                .body("errors[0].field", equalTo("startsOn"));
    }

    @Test
    void shouldRejectTextWithNulOrHalfASurrogatePair() {
        String nul = "[{\"externalId\":\"M-\\u0000\",\"name\":\"Nul\",\"email\":\"n@example.com\"}]";
        given().contentType("application/json").body(nul).when().post("/api/managers/batch")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("externalId"))
                .body("errors[0].message", containsString("NUL character"));
        String halfPair = "[{\"externalId\":\"M-1\",\"name\":\"Half \\ud800 pair\",\"email\":\"n@example.com\"}]";
        given().contentType("application/json").body(halfPair).when().post("/api/managers/batch")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].message", containsString("half of a surrogate pair (\\uD800)"));
    }

    @Test
    void shouldRejectANulInAnAddress() {
        given().urlEncodingEnabled(false).when().get("/api/customers/C%00/advice")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("NUL character"));
    }

    @Test
    void shouldNameEveryMissingRequiredField() {
        push("deals", List.of(wonOrder(unique("D"), customerId, 5, "10.00").without("amount").without("currency")))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("amount", "currency"))
                .body("errors.index", org.hamcrest.Matchers.everyItem(equalTo(0)));
    }

    @Test
    void shouldWriteNothingWhenOneItemOfTheBatchIsInvalid() {
        Item valid = contact(unique("K"), customerId, 2);
        push("contacts", List.of(valid, contact(unique("K"), customerId, 2).without("direction"))).statusCode(400)
                .body("errors[0].index", equalTo(1))
                .body("errors[0].field", equalTo("direction"));

        push("contacts", List.of(valid)).statusCode(200).body("items[0].result", equalTo("CREATED"));
    }

    @Test
    void shouldRejectACrossFieldContradiction() {
        push("deals", List.of(wonOrder(unique("D"), customerId, 5, "10.00").with("openedAt", "2026-07-01T00:00:00Z")))
                .statusCode(400)
                .body("errors[0].field", equalTo("closedAt"))
                .body("errors[0].message", containsString("openedAt"));
    }

    @Test
    void shouldRejectTheSameExternalIdTwiceInOneBatch() {
        String id = unique("K");
        push("contacts", List.of(contact(id, customerId, 1), contact(id, customerId, 2))).statusCode(400)
                .body("errors[0].index", equalTo(1))
                .body("errors[0].field", equalTo("externalId"))
                .body("errors[0].message", containsString("index 0"));
    }

    @Test
    void shouldRejectItemsOfAnUnknownCustomerOneByOneAndWriteTheRest() {
        push("contacts", List.of(contact(unique("K"), customerId, 1), contact(unique("K"), "NO-SUCH-CUSTOMER", 1)))
                .statusCode(200)
                .body("counts.CREATED", equalTo(1))
                .body("counts.REJECTED", equalTo(1))
                .body("items[1].result", equalTo("REJECTED"))
                .body("items[1].reason", containsString("NO-SUCH-CUSTOMER"))
                .body("items[0].reason", nullValue());
    }

    @Test
    void shouldAnswer404ForASingleItemOfAnUnknownCustomer() {
        push("contacts", List.of(contact(unique("K"), "NO-SUCH-CUSTOMER", 1)))
                .statusCode(404)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("customerExternalId"));
    }

    @Test
    void shouldRejectAnUnknownManagerOfACustomer() {
        push("customers", List.of(customer(unique("C")).with("managerExternalId", "NO-SUCH-MANAGER")))
                .statusCode(404)
                .body("errors[0].field", equalTo("managerExternalId"));
    }

    @Test
    void shouldAcceptTenThousandContactsInOneRequest() {
        List<Item> contacts = IntStream.range(0, 10_000)
                .mapToObj(i -> contact(customerId + "-K" + i, customerId, i % 365))
                .toList();

        push("contacts", contacts).statusCode(200)
                .body("counts.CREATED", equalTo(10_000))
                .body("items", hasSize(10_000));
    }

    @Test
    void shouldRefuseABatchOverTheItemLimitWith413() {
        List<Item> contacts = new ArrayList<>();
        for (int i = 0; i <= 10_000; i++) {
            contacts.add(contact(customerId + "-X" + i, customerId, 1));
        }

        push("contacts", contacts).statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("10001"));
    }

    @Test
    void shouldAnswerANumberTooLargeForItsFieldWithAProblem() {
        push("surveys", List.of(Crm.survey(unique("N"), customerId, 1, null, 4).with("nps", 99_999_999_999L)))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.not(containsString("java.")));
    }

    @Test
    void shouldAnswerMalformedJsonWithAProblem() {
        given().contentType(ContentType.JSON).body("[{\"externalId\": ")
                .when().post("/api/contacts/batch")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("malformed JSON"));
    }

    @Test
    void shouldAnswerAnObjectWhereAnArrayIsExpectedWithAProblem() {
        given().contentType(ContentType.JSON).body("{\"externalId\": \"x\"}")
                .when().post("/api/contacts/batch")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void shouldStoreEveryKindOfRecord() {
        String managerId = unique("M");
        pushAll("managers", List.of(manager(managerId)));
        push("assignments", List.of(assignment(unique("A"), customerId, managerId, 30, true))).body("counts.CREATED", equalTo(1));
        push("deals", List.of(wonOrder(unique("D"), customerId, 5, "1250.50"))).body("counts.CREATED", equalTo(1));
        push("subscriptions", List.of(subscription(unique("S"), customerId, "2026-01-01", "2026-12-31", false))).body("counts.CREATED", equalTo(1));
        push("surveys", List.of(survey(unique("N"), customerId, 3, 9, 5))).body("counts.CREATED", equalTo(1));
        push("email-events", List.of(emailEvent(unique("E"), customerId, 3, "SENT", "spring"))).body("counts.CREATED", equalTo(1));
    }

    @Test
    void shouldRecordTheChurnTimeTheCrmSends() {
        Instant churnedAt = Crm.daysBefore(10);

        push("customers", List.of(customer(customerId).with("status", "CHURNED").with("churnedAt", churnedAt.toString())))
                .statusCode(200)
                .body("items[0].result", equalTo("UPDATED"));

        assertEquals(churnedAt, churnedAtOf(customerId));
        // Which stage a churned customer is in is the rules' (rules/tests/stage.yaml); here: the churn counts only
        // from the time the CRM sent, so the rule that sets the stage after it is not the one before it.
        String stageRuleAfter = given().queryParam("asOf", Crm.AS_OF.toString()).when().get("/api/customers/{id}/advice", customerId)
                .then().statusCode(200).extract().path("stageRule");
        assertNotNull(stageRuleAfter, "a stage is set after the churn");
        given().queryParam("asOf", Crm.daysBefore(20).toString()).when().get("/api/customers/{id}/advice", customerId)
                .then().statusCode(200).body("stageRule", not(equalTo(stageRuleAfter)));
    }

    @Test
    void shouldDateAChurnSentWithoutTimeByTheFirstIngestThatSeesIt() {
        Instant before = Instant.now();
        pushAll("customers", List.of(customer(customerId).with("status", "CHURNED")));
        Instant after = Instant.now();

        Instant recorded = churnedAtOf(customerId);
        assertFalse(recorded.isBefore(before) || recorded.isAfter(after), "recorded " + recorded);

        push("customers", List.of(customer(customerId).with("status", "CHURNED").with("name", "Renamed"))).statusCode(200)
                .body("items[0].result", equalTo("UPDATED"));
        assertEquals(recorded, churnedAtOf(customerId), "a later ingest keeps the time the churn was first seen");
    }

    @Test
    void shouldLeaveTheChurnUndatedWhenACustomerArrivesAlreadyChurned() {
        String churnedId = unique("C");

        pushAll("customers", List.of(customer(churnedId).with("status", "CHURNED")));

        assertNull(churnedAtOf(churnedId), "nobody saw when it happened");
    }

    @Test
    void shouldForgetTheChurnTimeWhenTheCustomerIsActiveAgain() {
        pushAll("customers", List.of(customer(customerId).with("status", "CHURNED").with("churnedAt", Crm.daysBefore(10).toString())));

        pushAll("customers", List.of(customer(customerId)));

        assertNull(churnedAtOf(customerId));
    }

    @Test
    void shouldRejectAChurnTimeForAnActiveCustomer() {
        push("customers", List.of(customer(unique("C")).with("churnedAt", Crm.daysBefore(10).toString())))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("churnedAt"))
                .body("errors[0].message", containsString("CHURNED"));
    }

    @Test
    void shouldRejectAChurnTimeInTheFuture() {
        push("customers", List.of(customer(unique("C")).with("status", "CHURNED")
                .with("churnedAt", Instant.now().plusSeconds(3600).toString())))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("churnedAt"));
    }

    @Test
    void shouldRejectAChurnBeforeTheCustomerWasCreated() {
        push("customers", List.of(customer(unique("C")).with("status", "CHURNED").with("churnedAt", "2023-01-01T00:00:00Z")))
                .statusCode(400)
                .body("errors[0].field", equalTo("churnedAt"))
                .body("errors[0].message", containsString("createdAt"));
    }

    private static Instant churnedAtOf(String externalId) {
        return QuarkusTransaction.requiringNew().call(() -> Customer.findByExternalId(externalId).orElseThrow().churnedAt);
    }
}
