package com.retentionadvisor.rulesets;

import static com.retentionadvisor.Crm.AS_OF;
import static com.retentionadvisor.Crm.customer;
import static com.retentionadvisor.Crm.detractor;
import static com.retentionadvisor.Crm.pushAll;
import static com.retentionadvisor.Crm.survey;
import static com.retentionadvisor.Crm.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/**
 * Analysts put rulesets live over HTTP: a publish goes live only when it compiles and its scenarios pass, every
 * version is stored with its files, and a rollback brings back the exact earlier answers. Each test puts the
 * ruleset that served before it back live.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class PublishRulesApiTest {

    private static final String DETRACTOR_WEIGHT = "new ChurnSign(\"NPS_DETRACTOR\", 30, $nps)";

    private String versionBefore;
    private String customerId;

    @BeforeEach
    void aDetractor() {
        versionBefore = LiveRuleset.version();
        customerId = detractor("PUB");
    }

    @AfterEach
    void putBackTheRulesetThatServedBefore() {
        LiveRuleset.putBack(versionBefore);
    }

    @Test
    void shouldPublishAChangedWeightAndServeItAtOnce() {
        // A heavier sign moves a scenario across a band: the analyst updates the scenario with the rule.
        Map<String, byte[]> files = ShippedRules.withChange("churn-signs/signs.drl", DETRACTOR_WEIGHT,
                "new ChurnSign(\"NPS_DETRACTOR\", 45, $nps)");
        ShippedRules.change(files, "tests/risk-levels.yaml", "- name: 65 points are still HIGH", "- name: 80 points are CRITICAL");
        ShippedRules.change(files, "tests/risk-levels.yaml", "NPS_DETRACTOR]\n    riskLevel: HIGH\n\n- name: Exactly 70",
                "NPS_DETRACTOR]\n    riskLevel: CRITICAL\n\n- name: Exactly 70");
        String published = publish(files, "Anna Analyst", "Detractors weigh 45")
                .statusCode(200)
                .body("previousVersion", equalTo(versionBefore))
                .body("scenariosPassed", equalTo(scenarioCount()))
                .extract().path("version");

        assertThat(published, not(equalTo(versionBefore)));
        given().get("/api/rules").then().statusCode(200)
                .body("version", equalTo(published))
                .body("reason", equalTo("PUBLISH"))
                .body("liveBy", equalTo("Anna Analyst"))
                .body("comment", equalTo("Detractors weigh 45"))
                .body("rejected", nullValue());
        advice().body("rulesetVersion", equalTo(published))
                .body("risk.signs.find { it.code == 'NPS_DETRACTOR' }.weight", equalTo(45));
    }

    @Test
    void shouldStoreEveryVersionWithItsFilesAndTellTwoApart() {
        String published = publish(ShippedRules.withChange("churn-signs/signs.drl", DETRACTOR_WEIGHT,
                "new ChurnSign(\"NPS_DETRACTOR\", 31, $nps)"), "Anna Analyst", "Detractors weigh 31")
                .statusCode(200).extract().path("version");

        given().get("/api/rules/versions").then().statusCode(200)
                .body("version", hasItems(published, versionBefore))
                .body("find { it.version == '" + published + "' }.live", equalTo(true))
                .body("find { it.version == '" + published + "' }.createdBy", equalTo("Anna Analyst"))
                .body("find { it.version == '" + versionBefore + "' }.live", equalTo(false));
        given().get("/api/rules/versions/" + published).then().statusCode(200)
                .body("summary.source", equalTo("PUBLISH"))
                .body("files.path", hasItems("churn-signs/signs.drl", "tests/churn-signs.yaml"))
                .body("files.find { it.path == 'churn-signs/signs.drl' }.content", containsString("\"NPS_DETRACTOR\", 31"));
        given().get("/api/rules/versions/" + versionBefore + "/diff/" + published).then().statusCode(200)
                .body("files.path", equalTo(List.of("churn-signs/signs.drl")))
                .body("files[0].change", equalTo("CHANGED"))
                .body("files[0].diff", containsString("-    insert(" + DETRACTOR_WEIGHT))
                .body("files[0].diff", containsString("+    insert(new ChurnSign(\"NPS_DETRACTOR\", 31, $nps)"));
    }

    @Test
    void shouldRestoreTheExactEarlierAnswersOnRollback() {
        String before = advice().extract().asString();
        publish(ShippedRules.withChange("churn-signs/signs.drl", DETRACTOR_WEIGHT,
                "new ChurnSign(\"NPS_DETRACTOR\", 31, $nps)"), "Anna Analyst", "Detractors weigh 31").statusCode(200);
        assertThat(advice().extract().asString(), not(equalTo(before)));

        given().queryParam("rolledBackBy", "Anna Analyst").post("/api/rules/rollback/" + versionBefore)
                .then().statusCode(200).body("version", equalTo(versionBefore));

        assertThat(advice().extract().asString(), equalTo(before));
        given().get("/api/rules").then().body("reason", equalTo("ROLLBACK")).body("liveBy", equalTo("Anna Analyst"));
    }

    @Test
    void shouldKeepTheLiveRulesetWhenAPublishDoesNotCompile() {
        publish(ShippedRules.withChange("churn-signs/signs.drl", DETRACTOR_WEIGHT, "new ChurnSign(\"NPS_DETRACTOR\", 30, $nps"),
                "Anna Analyst", "A typo").statusCode(422)
                .contentType("application/problem+json")
                .body("title", equalTo("Ruleset rejected"))
                .body("errors[0].field", equalTo("files"))
                .body("errors[0].message", containsString("churn-signs/signs.drl:"));

        given().get("/api/rules").then().statusCode(200)
                .body("version", equalTo(versionBefore))
                .body("rejected.attempt", equalTo("publish by Anna Analyst"))
                .body("rejected.problems[0]", containsString("churn-signs/signs.drl:"));
        advice().body("rulesetVersion", equalTo(versionBefore));
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'rules' }.data.version", equalTo(versionBefore))
                .body("checks.find { it.name == 'rules' }.data.warning", containsString("turned away"));
    }

    @Test
    void shouldRefuseAPublishWhoseScenariosFail() {
        // The threshold changes, the scenario files that say 6 is a detractor do not.
        publish(ShippedRules.withChange("churn-signs/signs.drl", "latestNps <= 6", "latestNps <= 5"),
                "Anna Analyst", "Stricter detractors").statusCode(422)
                .body("detail", containsString("scenarios fail"))
                .body("errors.message", hasItem(containsString("tests/")));

        given().get("/api/rules").then().body("version", equalTo(versionBefore));
    }

    @Test
    void shouldRefuseAPublishWithoutScenariosOrWithoutAPublisher() {
        Map<String, byte[]> withoutTests = ShippedRules.files();
        withoutTests.keySet().removeIf(path -> path.startsWith("tests/"));
        publish(withoutTests, "Anna Analyst", "No tests").statusCode(400)
                .body("errors[0].message", containsString("scenario files"));
        given().contentType("application/zip").body(ShippedRules.zip(ShippedRules.files())).queryParam("comment", "who?")
                .post("/api/rules/publish").then().statusCode(400)
                .body("errors[0].field", equalTo("publishedBy"));
    }

    @Test
    void shouldPublishFromAMultipartFormToo() {
        var request = given().multiPart("publishedBy", "Anna Analyst").multiPart("comment", "From a form");
        for (var file : ShippedRules.withChange("churn-signs/signs.drl", DETRACTOR_WEIGHT,
                "new ChurnSign(\"NPS_DETRACTOR\", 32, $nps)").entrySet()) {
            request = request.multiPart("files", file.getKey(), file.getValue());
        }
        request.post("/api/rules/publish").then().statusCode(200).body("previousVersion", equalTo(versionBefore));
        advice().body("risk.signs.find { it.code == 'NPS_DETRACTOR' }.weight", equalTo(32));
    }

    @Test
    void shouldAnswerAnUnknownVersionWith404() {
        given().queryParam("rolledBackBy", "Anna Analyst").post("/api/rules/rollback/000000000000")
                .then().statusCode(404).contentType("application/problem+json");
        given().get("/api/rules/versions/000000000000").then().statusCode(404);
        given().get("/api/rules/versions/" + versionBefore + "/diff/000000000000").then().statusCode(404)
                .body("errors[0].field", equalTo("to"));
    }

    @Test
    void shouldFinishEveryRequestOnOneRulesetWhileAnotherGoesLive() throws Exception {
        String oldText = "a detractor answers 0 to 6";
        String newText = "answers from 0 to 6 are a detractor's";
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<JsonPath>>> answers = new ArrayList<>();
            for (int caller = 0; caller < 4; caller++) {
                answers.add(callers.submit(() -> {
                    List<JsonPath> seen = new ArrayList<>();
                    for (int i = 0; i < 40; i++) {
                        seen.add(advice().statusCode(200).extract().jsonPath());
                    }
                    return seen;
                }));
            }
            // Rules and the texts they refer to are one ruleset: an answer never mixes two.
            String published = publish(ShippedRules.withChange("messages.properties", oldText, newText),
                    "Anna Analyst", "Clearer text").statusCode(200).extract().path("version");

            int onOld = 0;
            int onNew = 0;
            for (Future<List<JsonPath>> caller : answers) {
                for (JsonPath answer : caller.get()) {
                    String version = answer.getString("rulesetVersion");
                    String evidence = answer.getString("risk.signs.find { it.code == 'NPS_DETRACTOR' }.evidence");
                    if (version.equals(versionBefore)) {
                        onOld++;
                        assertThat(evidence, containsString(oldText));
                    } else {
                        onNew++;
                        assertThat(version, equalTo(published));
                        assertThat(evidence, containsString(newText));
                    }
                }
            }
            assertThat(onOld + onNew, equalTo(160));
            advice().body("rulesetVersion", equalTo(published));
        } finally {
            callers.shutdownNow();
        }
    }

    private io.restassured.response.ValidatableResponse advice() {
        return given().queryParam("asOf", AS_OF.toString()).get("/api/customers/" + customerId + "/advice").then();
    }

    private static io.restassured.response.ValidatableResponse publish(Map<String, byte[]> files, String by, String comment) {
        return LiveRuleset.publish(files, by, comment);
    }

    private static int scenarioCount() {
        return given().contentType("application/zip").body(ShippedRules.zip(ShippedRules.files()))
                .post("/api/rules/test").then().statusCode(200).extract().path("passed");
    }
}
