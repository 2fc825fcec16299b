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
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

import com.retentionadvisor.FixtureRules;

/**
 * Analysts put rulesets live over HTTP: a publish goes live only when it compiles and its scenarios pass, every
 * version is stored with its files, and a rollback brings back the exact earlier answers. Each test puts the
 * ruleset that served before it back live.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class PublishRulesApiTest {

    private String versionBefore;
    private String customerId;

    @BeforeEach
    void aDetractorTheFixtureMarks() {
        versionBefore = LiveRuleset.version();
        customerId = detractor(FixtureRules.MARKED_PREFIX + "PUB");
    }

    @AfterEach
    void putBackTheRulesetThatServedBefore() {
        LiveRuleset.putBack(versionBefore);
    }

    @Test
    void shouldPublishANewSignWithItsWeightAndServeItAtOnce() {
        Map<String, byte[]> files = FixtureRules.withMarker(ShippedRules.files(), 45);
        String published = publish(files, "Anna Analyst", "Detractors weigh 45")
                .statusCode(200)
                .body("previousVersion", equalTo(versionBefore))
                .body("scenariosPassed", equalTo(scenarioCount(files)))
                .extract().path("version");

        assertThat(published, not(equalTo(versionBefore)));
        given().get("/api/rules").then().statusCode(200)
                .body("version", equalTo(published))
                .body("reason", equalTo("PUBLISH"))
                .body("liveBy", equalTo("Anna Analyst"))
                .body("comment", equalTo("Detractors weigh 45"))
                .body("rejected", nullValue());
        advice().body("rulesetVersion", equalTo(published))
                .body("risk.signs.find { it.code == '" + FixtureRules.MARKER + "' }.weight", equalTo(45));
    }

    @Test
    void shouldStoreEveryVersionWithItsFilesAndTellTwoApart() {
        String published = publish(FixtureRules.withMarker(ShippedRules.files(), 31), "Anna Analyst", "A marker of 31")
                .statusCode(200).extract().path("version");

        given().get("/api/rules/versions").then().statusCode(200)
                .body("version", hasItems(published, versionBefore))
                .body("find { it.version == '" + published + "' }.live", equalTo(true))
                .body("find { it.version == '" + published + "' }.createdBy", equalTo("Anna Analyst"))
                .body("find { it.version == '" + versionBefore + "' }.live", equalTo(false));
        given().get("/api/rules/versions/" + published).then().statusCode(200)
                .body("summary.source", equalTo("PUBLISH"))
                .body("files.path", hasItems(FixtureRules.MARKER_RULE, FixtureRules.WEIGHTS, FixtureRules.MARKER_SCENARIO))
                .body("files.find { it.path == '" + FixtureRules.WEIGHTS + "' }.content",
                        containsString("Weight of FIXTURE_MARKER,FIXTURE_MARKER,31"));
        given().get("/api/rules/versions/" + versionBefore + "/diff/" + published).then().statusCode(200)
                .body("files.path", hasItems(FixtureRules.MARKER_RULE, FixtureRules.WEIGHTS, "messages.properties"))
                .body("files.find { it.path == '" + FixtureRules.MARKER_RULE + "' }.change", equalTo("ADDED"))
                .body("files.find { it.path == '" + FixtureRules.WEIGHTS + "' }.change", equalTo("CHANGED"))
                .body("files.find { it.path == '" + FixtureRules.WEIGHTS + "' }.diff",
                        containsString("+Weight of FIXTURE_MARKER,FIXTURE_MARKER,31"));
    }

    @Test
    void shouldRestoreTheExactEarlierAnswersOnRollback() {
        String before = advice().extract().asString();
        publish(FixtureRules.withMarker(ShippedRules.files(), 31), "Anna Analyst", "A marker of 31").statusCode(200);
        assertThat(advice().extract().asString(), not(equalTo(before)));

        given().queryParam("rolledBackBy", "Anna Analyst").post("/api/rules/rollback/" + versionBefore)
                .then().statusCode(200).body("version", equalTo(versionBefore));

        assertThat(advice().extract().asString(), equalTo(before));
        given().get("/api/rules").then().body("reason", equalTo("ROLLBACK")).body("liveBy", equalTo("Anna Analyst"));
    }

    @Test
    void shouldKeepTheLiveRulesetWhenAPublishDoesNotCompile() {
        publish(FixtureRules.withATypo(ShippedRules.files()), "Anna Analyst", "A typo").statusCode(422)
                .contentType("application/problem+json")
                .body("title", equalTo("Ruleset rejected"))
                .body("errors[0].field", equalTo("files"))
                .body("errors[0].message", containsString(FixtureRules.TYPO + ":"))
                .body("ruleProblems[0].file", equalTo(FixtureRules.TYPO))
                .body("ruleProblems[0].line", equalTo(2))
                .body("ruleProblems[0].rule", equalTo("A typo"));

        given().get("/api/rules").then().statusCode(200)
                .body("version", equalTo(versionBefore))
                .body("rejected.attempt", equalTo("publish by Anna Analyst"))
                .body("rejected.problems[0].file", equalTo(FixtureRules.TYPO));
        advice().body("rulesetVersion", equalTo(versionBefore));
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'rules' }.data.version", equalTo(versionBefore))
                .body("checks.find { it.name == 'rules' }.data.warning", containsString("turned away"));
    }

    @Test
    void shouldRefuseAPublishWhoseScenariosFail() {
        // A scenario that says the marker is not shown, beside the rule that shows it.
        publish(FixtureRules.withMarkerAndAFailingScenario(ShippedRules.files()), "Anna Analyst", "A scenario that contradicts its rule")
                .statusCode(422)
                .body("detail", containsString("scenarios fail"))
                .body("errors.message", hasItem(containsString("tests/")))
                .body("ruleProblems[0].file", equalTo(FixtureRules.CONTRADICTING_SCENARIO))
                .body("ruleProblems[0].line", equalTo(1))
                .body("ruleProblems[0].scenario", not(emptyOrNullString()));

        given().get("/api/rules").then().body("version", equalTo(versionBefore));
    }

    @Test
    void shouldRefuseAPublishWithoutScenariosOrWithAPublisherNameTooLong() {
        Map<String, byte[]> withoutTests = ShippedRules.files();
        withoutTests.keySet().removeIf(path -> path.startsWith("tests/"));
        publish(withoutTests, "Anna Analyst", "No tests").statusCode(400)
                .body("errors[0].message", containsString("scenario files"));
        publish(ShippedRules.files(), "A".repeat(201), "Who?").statusCode(400)
                .body("errors[0].field", equalTo("publishedBy"));
    }

    @Test
    void shouldRecordTheCallerAsPublisherAndRollerBackWhenNoNameIsGiven() {
        given().contentType("application/zip").body(ShippedRules.zip(FixtureRules.withMarker(ShippedRules.files(), 33)))
                .queryParam("comment", "By whoever is signed in").post("/api/rules/publish").then().statusCode(200);
        given().get("/api/rules").then().body("reason", equalTo("PUBLISH")).body("liveBy", equalTo("test-admin"));

        given().post("/api/rules/rollback/" + versionBefore).then().statusCode(200);
        given().get("/api/rules").then().body("reason", equalTo("ROLLBACK")).body("liveBy", equalTo("test-admin"));
    }

    @Test
    void shouldPublishFromAMultipartFormToo() {
        var request = given().multiPart("publishedBy", "Anna Analyst").multiPart("comment", "From a form");
        for (var file : FixtureRules.withMarker(ShippedRules.files(), 32).entrySet()) {
            request = request.multiPart("files", file.getKey(), file.getValue());
        }
        request.post("/api/rules/publish").then().statusCode(200).body("previousVersion", equalTo(versionBefore));
        advice().body("risk.signs.find { it.code == '" + FixtureRules.MARKER + "' }.weight", equalTo(32));
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
        // The detractor's evidence as the live texts word it, and the same with a few words added to its text.
        String evidence = "risk.signs.find { it.code == 'NPS_DETRACTOR' }.evidence";
        String oldText = advice().statusCode(200).extract().path(evidence);
        String added = " (reworded)";
        Map<String, byte[]> reworded = ShippedRules.files();
        String messages = new String(reworded.get("messages.properties"), StandardCharsets.UTF_8);
        Matcher text = Pattern.compile("(?m)^sign\\.NPS_DETRACTOR=.*$").matcher(messages);
        assertThat("messages.properties words the detractor's evidence", text.find());
        reworded.put("messages.properties", text.replaceFirst(Matcher.quoteReplacement(text.group() + added)).getBytes(StandardCharsets.UTF_8));
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
            String published = publish(reworded, "Anna Analyst", "Clearer text").statusCode(200).extract().path("version");

            int onOld = 0;
            int onNew = 0;
            for (Future<List<JsonPath>> caller : answers) {
                for (JsonPath answer : caller.get()) {
                    String version = answer.getString("rulesetVersion");
                    if (version.equals(versionBefore)) {
                        onOld++;
                        assertThat(answer.getString(evidence), equalTo(oldText));
                    } else {
                        onNew++;
                        assertThat(version, equalTo(published));
                        assertThat(answer.getString(evidence), equalTo(oldText + added));
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

    private static int scenarioCount(Map<String, byte[]> files) {
        return given().contentType("application/zip").body(ShippedRules.zip(files))
                .post("/api/rules/test").then().statusCode(200).extract().path("passed");
    }
}
