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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

import com.retentionadvisor.Crm;
import com.retentionadvisor.RuleTexts;

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

    // A request answered after ten days: slow by any measure an analyst would set; the hours reach the sign's text.
    @Test
    void slowAnswersToInboundRequestsAreASign() {
        pushAll("contacts", List.of(contact(unique("K"), customerId, 20).with("direction", "INBOUND").with("purpose", "SERVICE")
                .with("respondedAt", Crm.daysBefore(10).toString())));

        advice().body("risk.signs.code", hasItem("SLOW_RESPONSES"))
                .body("risk.signs.find { it.code == 'SLOW_RESPONSES' }.evidence", equalTo(RuleTexts.text("sign.SLOW_RESPONSES", 240)));
    }

    @Test
    void aResponseBeforeTheRequestIsRejected() {
        push("contacts", List.of(contact(unique("K"), customerId, 10).with("respondedAt", Crm.daysBefore(11).toString())))
                .statusCode(400)
                .body("errors[0].field", equalTo("respondedAt"));
    }

    /**
     * The same complaint for a customer who ordered a million in the last month and for one who never ordered (far
     * from any value tier an analyst would set): an action's rank is its priority times the customer's value weight,
     * both as the rules gave them, so the valuable customer's complaint ranks higher.
     */
    @Test
    void aValuableCustomersActionsRankHigher() {
        String valuable = unique("C");
        pushAll("customers", List.of(customer(valuable)));
        pushAll("deals", List.of(Crm.wonOrder(unique("D"), valuable, 30, "1000000.00")));
        pushAll("tickets", List.of(ticket(unique("T"), valuable, 3, "COMPLAINT"), ticket(unique("T"), customerId, 3, "COMPLAINT")));

        JsonPath ofValuable = given().queryParam("asOf", AS_OF.toString()).get("/api/customers/{id}/advice", valuable)
                .then().statusCode(200).extract().jsonPath();
        JsonPath ofPlain = advice().extract().jsonPath();

        for (JsonPath advice : List.of(ofValuable, ofPlain)) {
            double weight = advice.getDouble("customerValue.weight");
            List<Integer> priorities = advice.getList("actions.priority", Integer.class);
            List<Integer> ranks = advice.getList("actions.rank", Integer.class);
            assertEquals(priorities.stream().map(priority -> (int) Math.round(priority * weight)).toList(), ranks,
                    "rank = priority x value weight " + weight);
        }
        assertTrue(ofValuable.getDouble("customerValue.weight") > ofPlain.getDouble("customerValue.weight"),
                "a million of orders weighs more than none");
        String complaintRank = "actions.find { it.code == 'RESOLVE_COMPLAINT' }.rank";
        assertTrue(ofValuable.getInt(complaintRank) > ofPlain.getInt(complaintRank), "the valuable customer's complaint ranks higher");
    }

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    @Test
    void adviceSpeaksRussianWhenAsked() {
        pushAll("tickets", List.of(ticket(unique("T"), customerId, 3, "COMPLAINT")));

        given().header("Accept-Language", "ru-RU,ru;q=0.9").queryParam("asOf", AS_OF.toString())
                .when().get("/api/customers/{id}/advice", customerId)
                .then().statusCode(200)
                .body("risk.signs.find { it.code == 'OPEN_COMPLAINT' }.evidence", equalTo(RuleTexts.text(RUSSIAN, "sign.OPEN_COMPLAINT", 1)))
                .body("actions.find { it.code == 'RESOLVE_COMPLAINT' }.title", equalTo(RuleTexts.text(RUSSIAN, "action.RESOLVE_COMPLAINT")));
        advice().body("actions.find { it.code == 'RESOLVE_COMPLAINT' }.title", equalTo(RuleTexts.text("action.RESOLVE_COMPLAINT")));
        assertNotEquals(RuleTexts.text("action.RESOLVE_COMPLAINT"), RuleTexts.text(RUSSIAN, "action.RESOLVE_COMPLAINT"),
                "the two languages tell apart");
    }
}
