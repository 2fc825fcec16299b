package com.retentionadvisor.simulation;

import static com.retentionadvisor.Crm.AS_OF;
import static com.retentionadvisor.Crm.customer;
import static com.retentionadvisor.Crm.pushAll;
import static com.retentionadvisor.Crm.survey;
import static com.retentionadvisor.Crm.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

import com.retentionadvisor.rulesets.ShippedRules;

/**
 * Analysts see what a candidate ruleset would change on the stored customers before it goes live; the counts are
 * checked against the live advice API, customer by customer.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class SimulateRulesApiTest {

    // A detractor takes more off the score than any customer has: under the candidate every detractor scores 0, LOW.
    private static final Map<String, byte[]> DETRACTORS_ARE_LOW = ShippedRules.withWeight("NPS_DETRACTOR", -100_000);

    @Inject
    EntityManager em;

    @BeforeEach
    void someDetractorsAndSomePromoters() {
        List<Object> customers = new ArrayList<>();
        List<Object> surveys = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = unique("SIM");
            customers.add(customer(id).with("segment", i % 2 == 0 ? "SMB" : "ENTERPRISE"));
            // Answers of 0 and 10: a detractor's and a promoter's at any threshold.
            surveys.add(survey(unique("S"), id, 5, i < 4 ? 0 : 10, null));
        }
        pushAll("customers", customers);
        pushAll("surveys", surveys);
    }

    @Test
    void shouldCountWhatACandidateChangesAsTheLiveAdviceShowsIt() {
        // Independently of the simulation: the live advice of every stored customer, through the API.
        Map<String, Integer> expectedChanges = new TreeMap<>();
        int detractors = 0;
        Set<String> detractorRules = new HashSet<>();
        List<String> ids = QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("select external_id from customer", String.class).getResultList());
        for (String id : ids) {
            JsonPath advice = given().queryParam("asOf", AS_OF.toString()).get("/api/customers/" + id + "/advice")
                    .then().statusCode(200).extract().jsonPath();
            if (advice.getList("risk.signs.code").contains("NPS_DETRACTOR")) {
                detractors++;
                detractorRules.add(advice.getString("risk.signs.find { it.code == 'NPS_DETRACTOR' }.rule"));
                String level = advice.getString("risk.level");
                if (!"LOW".equals(level)) {
                    expectedChanges.merge(level + "→LOW", 1, Integer::sum);
                }
            }
        }

        JsonPath report = finished(simulate(DETRACTORS_ARE_LOW, "asOf", AS_OF.toString()))
                .body("state", equalTo("DONE"))
                .body("done", equalTo(ids.size()))
                .body("total", equalTo(ids.size()))
                .extract().jsonPath();

        assertThat(report.getInt("report.customers"), equalTo(ids.size()));
        Map<String, Integer> changes = new TreeMap<>();
        for (Map<String, Object> change : report.<Map<String, Object>>getList("report.riskLevelChanges")) {
            changes.put(change.get("from") + "→" + change.get("to"), (Integer) change.get("customers"));
        }
        assertThat(changes, equalTo(expectedChanges));
        assertThat(expectedChanges.values().stream().mapToInt(Integer::intValue).sum(), greaterThan(0));
        // Counted under the rule the live advice named for the sign.
        assertThat(detractorRules, hasSize(1));
        String detractorRule = detractorRules.iterator().next();
        Map<String, Object> firings = report.<Map<String, Object>>getList("report.firings").stream()
                .filter(firing -> detractorRule.equals(firing.get("rule"))).findFirst()
                .orElseThrow(() -> new AssertionError("no firings of " + detractorRule + " in " + report.getList("report.firings")));
        assertThat(firings.get("live"), equalTo(detractors));
        assertThat(firings.get("candidate"), equalTo(detractors));
        assertThat(report.getString("report.candidateVersion"), not(equalTo(report.getString("report.liveVersion"))));
        assertThat(report.getString("report.liveVersion"),
                equalTo(given().get("/api/rules").then().extract().path("version")));
    }

    @Test
    void shouldSimulateAStableSample() {
        String first = finished(simulate(DETRACTORS_ARE_LOW, "asOf", AS_OF.toString(), "sample", "5"))
                .body("state", equalTo("DONE"))
                .body("total", equalTo(5))
                .body("report.customers", equalTo(5))
                .extract().jsonPath().getString("report.riskLevelChanges");
        String second = finished(simulate(DETRACTORS_ARE_LOW, "asOf", AS_OF.toString(), "sample", "5"))
                .extract().jsonPath().getString("report.riskLevelChanges");
        assertThat(second, equalTo(first));
    }

    @Test
    void shouldCancelASimulationThatHasNotFinished() {
        String running = simulate(DETRACTORS_ARE_LOW, "asOf", AS_OF.toString()).extract().path("id");
        String waiting = simulate(DETRACTORS_ARE_LOW, "asOf", AS_OF.toString()).extract().path("id");

        given().delete("/api/rules/simulations/" + waiting).then().statusCode(200);

        finished(running).body("state", equalTo("DONE"));
        finished(waiting).body("state", equalTo("CANCELLED")).body("report", nullValue());
    }

    @Test
    void shouldTurnAwayACandidateThatDoesNotCompileAndBadParameters() {
        given().contentType("application/zip")
                .body(ShippedRules.zip(Map.of("churn-signs/signs.drl", "rule \"broken\" when then nothing(".getBytes())))
                .post("/api/rules/simulate").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].message", containsString("churn-signs/signs.drl"));
        simulateResponse(DETRACTORS_ARE_LOW, "sample", "0").statusCode(400).body("errors[0].field", equalTo("sample"));
        simulateResponse(DETRACTORS_ARE_LOW, "sample", "many").statusCode(400).body("errors[0].field", equalTo("sample"));
        simulateResponse(DETRACTORS_ARE_LOW, "asOf", "yesterday").statusCode(400).body("errors[0].field", equalTo("asOf"));
        given().get("/api/rules/simulations/no-such-job").then().statusCode(404).contentType("application/problem+json");
        given().delete("/api/rules/simulations/no-such-job").then().statusCode(404);
    }

    @Test
    void shouldAnswer202WithWhereToFollowTheJob() {
        ValidatableResponse accepted = simulate(DETRACTORS_ARE_LOW, "sample", "2");
        String id = accepted.extract().path("id");
        accepted.header("Location", org.hamcrest.Matchers.endsWith("/api/rules/simulations/" + id))
                .body("kind", equalTo("simulation"))
                .body("state", anyOf(equalTo("QUEUED"), equalTo("RUNNING"), equalTo("DONE")));
        finished(id).body("report.customers", equalTo(2));
    }

    private static ValidatableResponse simulate(Map<String, byte[]> files, String... parameters) {
        return simulateResponse(files, parameters).statusCode(202);
    }

    private static ValidatableResponse simulateResponse(Map<String, byte[]> files, String... parameters) {
        var request = given().contentType("application/zip").body(ShippedRules.zip(files));
        for (int i = 0; i < parameters.length; i += 2) {
            request = request.queryParam(parameters[i], parameters[i + 1]);
        }
        return request.post("/api/rules/simulate").then();
    }

    private static ValidatableResponse finished(ValidatableResponse accepted) {
        return finished(accepted.extract().<String>path("id"));
    }

    private static ValidatableResponse finished(String id) {
        ValidatableResponse job = given().queryParam("waitSeconds", 60).get("/api/rules/simulations/" + id).then().statusCode(200);
        String state = job.extract().path("state");
        assertThat("the simulation ended within a minute", state, anyOf(equalTo("DONE"), equalTo("CANCELLED"), equalTo("FAILED")));
        return job;
    }
}
