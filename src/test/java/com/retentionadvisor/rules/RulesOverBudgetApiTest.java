package com.retentionadvisor.rules;

import static com.retentionadvisor.Crm.customer;
import static com.retentionadvisor.Crm.pushAll;
import static com.retentionadvisor.Crm.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

import com.retentionadvisor.operations.ScrapedMetrics;
import com.retentionadvisor.rulesets.ShippedRules;

/**
 * A live rule that is slow for one customer costs that customer's advice, never the service: their advice answers 503
 * naming the ruleset version, an advice query answers them 503 and the others 200, the nightly batch skips them and
 * names them, and a metric counts it; everyone else is advised as before. The slow rule (a fixture, finite: it counts
 * in steps, each walking a long list) is published for the test and rolled back after it.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class RulesOverBudgetApiTest {

    private static final String SLOW_RULE = """
            package retention;
            import com.retentionadvisor.facts.CustomerFacts;
            import java.util.Collections;
            declare SlowStep
                n : int
            end
            rule "Slow fixture: a customer whose id starts with SLOW- starts a long count"
            when
                CustomerFacts( customerId != null, customerId.startsWith("SLOW-") )
            then
                insert(new SlowStep(0));
            end
            rule "Slow fixture: each step of the count walks a long list"
            when
                $step : SlowStep( n < 1000000 )
            then
                long sum = 0;
                for (Integer one : Collections.nCopies(1000000, 1)) { sum += one; }
                modify($step) { setN($step.getN() + (int) (sum / 1000000)) }
            end
            """;

    private String liveBefore;
    private String slowVersion;

    @BeforeEach
    void aSlowRuleLive() {
        liveBefore = given().get("/api/rules").then().statusCode(200).extract().path("version");
        Map<String, byte[]> files = new TreeMap<>(ShippedRules.files());
        files.put("churn-signs/slow-fixture.drl", SLOW_RULE.getBytes(StandardCharsets.UTF_8));
        slowVersion = given().contentType("application/zip").body(ShippedRules.zip(files))
                .queryParam("comment", "A rule slow for SLOW- customers, for RulesOverBudgetApiTest")
                .post("/api/rules/publish").then().statusCode(200).extract().path("version");
    }

    @AfterEach
    void theRulesetBefore() {
        given().post("/api/rules/rollback/" + liveBefore).then().statusCode(200);
    }

    @Test
    void aRuleSlowForOneCustomerCostsThatCustomersAdviceOnly() {
        String slow = unique("SLOW-");
        String other = unique("QUICK");
        pushAll("customers", List.of(customer(slow), customer(other)));
        double countedBefore = ScrapedMetrics.scrape().value("retention_rules_over_budget_total", "ruleset", slowVersion);

        given().get("/api/customers/{id}/advice", slow).then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "60")
                .body("type", equalTo("https://retention-advisor.example/problems/rules-over-budget"))
                .body("detail", containsString(slowVersion));
        given().get("/api/customers/{id}/advice", other).then().statusCode(200).body("rulesetVersion", equalTo(slowVersion));

        JsonPath query = given().contentType("application/json").body(Map.of("customerIds", List.of(slow, other)))
                .post("/api/advice/query").then().statusCode(200).extract().jsonPath();
        assertThat(query.getInt("items.find { it.customerId == '" + slow + "' }.status"), equalTo(503));
        assertThat(query.getString("items.find { it.customerId == '" + slow + "' }.detail"), containsString(slowVersion));
        assertThat(query.getInt("items.find { it.customerId == '" + other + "' }.status"), equalTo(200));

        // An audience check does not contact a customer nothing was decided for, and answers the others.
        JsonPath audience = given().contentType("application/json")
                .body(Map.of("channel", "EMAIL", "purpose", "VALUE", "customerIds", List.of(slow, other)))
                .post("/api/contact-checks").then().statusCode(200).extract().jsonPath();
        assertThat(audience.getBoolean("items.find { it.customerId == '" + slow + "' }.allowed"), equalTo(false));
        assertThat(audience.getString("items.find { it.customerId == '" + slow + "' }.reasons[0].code"), equalTo("RULES_OVER_BUDGET"));
        assertThat(audience.getString("items.find { it.customerId == '" + slow + "' }.reasons[0].message"), containsString(slowVersion));
        assertThat(audience.getList("items.find { it.customerId == '" + other + "' }.reasons.code"),
                not(hasItem("RULES_OVER_BUDGET")));

        assertThat(ScrapedMetrics.scrape().value("retention_rules_over_budget_total", "ruleset", slowVersion),
                greaterThanOrEqualTo(countedBefore + 3));
    }

    @Test
    void theBatchSkipsTheCustomerAndNamesThem() {
        String slow = unique("SLOW-");
        pushAll("customers", List.of(customer(slow), customer(unique("QUICK"))));

        String id = given().post("/api/evaluations").then().statusCode(202).extract().path("id");
        JsonPath job = given().queryParam("waitSeconds", 60).get("/api/evaluations/" + id).then().statusCode(200).extract().jsonPath();

        assertThat(job.getString("state"), equalTo("DONE"));
        assertThat(job.getInt("report.skipped"), greaterThanOrEqualTo(1));
        assertThat(job.getList("report.skippedCustomers"), hasItem(slow));
        assertThat(job.getInt("report.customers"), greaterThan(0));
    }
}
