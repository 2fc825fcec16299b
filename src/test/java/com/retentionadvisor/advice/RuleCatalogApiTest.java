package com.retentionadvisor.advice;

import static com.retentionadvisor.Crm.AS_OF;
import static com.retentionadvisor.Crm.contact;
import static com.retentionadvisor.Crm.customer;
import static com.retentionadvisor.Crm.push;
import static com.retentionadvisor.Crm.pushAll;
import static com.retentionadvisor.Crm.survey;
import static com.retentionadvisor.Crm.ticket;
import static com.retentionadvisor.Crm.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import com.retentionadvisor.Crm;

/** The data the full catalog needs, pushed through the API, and what the rules make of it. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class RuleCatalogApiTest {

    private String customerId;

    @BeforeEach
    void aCustomerWhoAnsweredRecently() {
        customerId = unique("C");
        pushAll("customers", List.of(customer(customerId)));
        pushAll("surveys", List.of(survey(unique("N"), customerId, 20, 8, 4)));
    }

    private ValidatableResponse advice() {
        return given().queryParam("asOf", AS_OF.toString())
                .when().get("/api/customers/{id}/advice", customerId)
                .then().statusCode(200);
    }

    private ValidatableResponse contactCheck(String purpose) {
        return given().contentType(ContentType.JSON).queryParam("asOf", AS_OF.toString())
                .body(Map.of("channel", "PHONE", "purpose", purpose))
                .when().post("/api/customers/{id}/contact-check", customerId)
                .then().statusCode(200);
    }

    private static void setGlobalFact(String name, boolean active) {
        given().contentType(ContentType.JSON).body(Map.of("active", active, "note", "test", "changedBy", "ops"))
                .when().put("/api/global-facts/{name}", name)
                .then().statusCode(200).body("active", equalTo(active));
    }

    @Test
    void anOpenComplaintIsASignComesFirstAndAllowsOnlyServiceContacts() {
        pushAll("tickets", List.of(ticket(unique("T"), customerId, 3, "COMPLAINT")));

        advice().body("risk.signs.code", hasItem("OPEN_COMPLAINT"))
                .body("actions[0].code", equalTo("RESOLVE_COMPLAINT"));
        contactCheck("VALUE").body("allowed", equalTo(false)).body("reasons.code", hasItem("COMPLAINT_OPEN"));
        contactCheck("SERVICE").body("allowed", equalTo(true));
    }

    @Test
    void aClosedComplaintNoLongerCounts() {
        pushAll("tickets", List.of(ticket(unique("T"), customerId, 10, "COMPLAINT").with("closedAt", Crm.daysBefore(5).toString())));

        advice().body("risk.signs.code", not(hasItem("OPEN_COMPLAINT")));
    }

    @Test
    void aMarketCrisisSetByAnOperatorIsASignUntilCleared() {
        try {
            setGlobalFact("MARKET_CRISIS", true);
            advice().body("risk.signs.code", hasItem("MARKET_CRISIS"));
            given().when().get("/api/global-facts").then().statusCode(200).body("name", hasItem("MARKET_CRISIS"));
        } finally {
            setGlobalFact("MARKET_CRISIS", false);
        }
        advice().body("risk.signs.code", not(hasItem("MARKET_CRISIS")));
    }

    @Test
    void aGlobalFactNeedsACapitalisedNameAndAnActiveFlag() {
        given().contentType(ContentType.JSON).body(Map.of("active", true))
                .when().put("/api/global-facts/{name}", "market crisis")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("name"));
        given().contentType(ContentType.JSON).body(Map.of("note", "no flag"))
                .when().put("/api/global-facts/{name}", "MARKET_CRISIS")
                .then().statusCode(400).body("errors[0].field", equalTo("active"));
    }

    @Test
    void aPromoterIsAStrengthThatLowersTheScore() {
        pushAll("surveys", List.of(survey(unique("N"), customerId, 1, 10, 5)));
        pushAll("tickets", List.of(ticket(unique("T"), customerId, 3, "INCIDENT")));

        var risk = advice().body("risk.strengths.code", hasItem("PROMOTER"))
                .body("risk.signs.code", hasItem("OPEN_PROBLEM"))
                .extract().jsonPath();

        int signs = risk.getList("risk.signs.weight", Integer.class).stream().mapToInt(Integer::intValue).sum();
        int strengths = risk.getList("risk.strengths.weight", Integer.class).stream().mapToInt(Integer::intValue).sum();
        assertTrue(strengths > 0, "the promoter's strength weighs something");
        assertEquals(Math.max(0, risk.getInt("risk.basePoints") + signs - strengths), risk.getInt("risk.score"));
    }

    @Test
    void aReferralGivenIsAStrengthOfTheReferrer() {
        pushAll("customers", List.of(customer(unique("C")).with("referredByExternalId", customerId)));

        advice().body("risk.strengths.code", hasItem("REFERRALS_GIVEN"));
    }

    @Test
    void aReferrerMayComeEarlierInTheSameBatch() {
        String referrer = unique("C");
        String referred = unique("C");

        push("customers", List.of(customer(referrer), customer(referred).with("referredByExternalId", referrer)))
                .statusCode(200)
                .body("counts.CREATED", equalTo(2));
    }

    @Test
    void aReferrerMustBeKnown() {
        push("customers", List.of(customer(unique("C")).with("referredByExternalId", "NO-SUCH-CUSTOMER")))
                .statusCode(404)
                .body("errors[0].field", equalTo("referredByExternalId"));
    }

    @Test
    void slowAnswersToInboundRequestsAreASign() {
        pushAll("contacts", List.of(contact(unique("K"), customerId, 10).with("direction", "INBOUND").with("purpose", "SERVICE")
                .with("respondedAt", Crm.daysBefore(8).toString())));

        advice().body("risk.signs.code", hasItem("SLOW_RESPONSES"))
                .body("risk.signs.find { it.code == 'SLOW_RESPONSES' }.evidence", containsString("48 hours"));
    }

    @Test
    void aResponseBeforeTheRequestIsRejected() {
        push("contacts", List.of(contact(unique("K"), customerId, 10).with("respondedAt", Crm.daysBefore(11).toString())))
                .statusCode(400)
                .body("errors[0].field", equalTo("respondedAt"));
    }

    @Test
    void aValuableCustomersActionsRankHigher() {
        pushAll("deals", List.of(Crm.wonOrder(unique("D"), customerId, 30, "60000.00")));
        pushAll("tickets", List.of(ticket(unique("T"), customerId, 3, "COMPLAINT")));

        advice().body("customerValue.tier", equalTo("HIGH"))
                .body("actions[0].code", equalTo("RESOLVE_COMPLAINT"))
                .body("actions[0].priority", equalTo(98))
                .body("actions[0].rank", equalTo(147));
    }

    @Test
    void adviceSpeaksRussianWhenAsked() {
        pushAll("tickets", List.of(ticket(unique("T"), customerId, 3, "COMPLAINT")));

        given().header("Accept-Language", "ru-RU,ru;q=0.9").queryParam("asOf", AS_OF.toString())
                .when().get("/api/customers/{id}/advice", customerId)
                .then().statusCode(200)
                .body("risk.signs.find { it.code == 'OPEN_COMPLAINT' }.evidence", equalTo("Открытых жалоб: 1"))
                .body("actions[0].title", equalTo("Решить открытую жалобу"));
        advice().body("actions[0].title", equalTo("Resolve the open complaint"));
    }
}
