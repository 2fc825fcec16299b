package com.retentionadvisor.rulesets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Analysts check rule files over HTTP before they go live; nothing here changes the live ruleset. */
@QuarkusTest
class RulesApiTest {

    private static final String SCENARIO_THAT_FAILS = """
            - name: A detractor is expected to be no sign at all
              given:
                latestNps: 3
              expect:
                noSigns: true
            """;

    @Test
    void shouldTellWhichRulesetServes() {
        given().when().get("/api/rules")
                .then().statusCode(200)
                .body("version", matchesPattern("[0-9a-f]{12}"))
                .body("rules", hasItem("Sales talk is at most 20% of all communication over 90 days"));
    }

    @Test
    void shouldValidateTheShippedRulesAsTheLiveVersion() throws IOException {
        String live = given().when().get("/api/rules").then().extract().path("version");

        given().contentType("application/zip").body(ShippedRules.zip(ShippedRules.files()))
                .when().post("/api/rules/validate")
                .then().statusCode(200)
                .body("valid", equalTo(true))
                .body("version", equalTo(live));
    }

    @Test
    void shouldNameTheFileAndLineOfABrokenRule() {
        String broken = """
                package retention;
                import com.retentionadvisor.facts.CustomerFacts;
                rule "Broken"
                when
                    CustomerFacts( noSuchFact > 1 )
                then
                end
                """;

        given().multiPart("files", "churn-signs/broken.drl", broken.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/rules/validate")
                .then().statusCode(200)
                .body("valid", equalTo(false))
                .body("problems[0]", startsWith("churn-signs/broken.drl:5:"));
    }

    @Test
    void shouldReportAFailingScenarioWithTheDifference() {
        given().multiPart("files", "tests/mine.yaml", SCENARIO_THAT_FAILS.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/rules/test")
                .then().statusCode(200)
                .body("compiled", equalTo(true))
                .body("failed", equalTo(1))
                .body("scenarios[0].file", equalTo("mine.yaml"))
                .body("scenarios[0].differences[0]", containsString("NPS_DETRACTOR"));
    }

    @Test
    void shouldRunTheShippedScenariosAgainstACandidate() throws IOException {
        Map<String, byte[]> candidate = ShippedRules.files();
        String signs = new String(candidate.get("churn-signs/signs.drl"), StandardCharsets.UTF_8);
        candidate.put("churn-signs/signs.drl", signs.replace("unopenedEmailStreak >= 3", "unopenedEmailStreak >= 5")
                .getBytes(StandardCharsets.UTF_8));
        candidate.keySet().removeIf(path -> path.startsWith("tests/"));

        given().contentType("application/zip").body(ShippedRules.zip(candidate))
                .when().post("/api/rules/test")
                .then().statusCode(200)
                .body("compiled", equalTo(true))
                .body("failed", greaterThan(0));
        given().contentType("application/zip").body(ShippedRules.zip(Map.of("x/keep.txt", new byte[0])))
                .when().post("/api/rules/test")
                .then().statusCode(200)
                .body("failed", equalTo(0))
                .body("passed", greaterThan(100));
    }

    @Test
    void shouldLayOneChangedFileOverTheLiveRules() throws IOException {
        String signs = Files.readString(Path.of("rules/churn-signs/signs.drl"))
                .replace("unopenedEmailStreak >= 3", "unopenedEmailStreak >= 5");

        given().multiPart("files", "churn-signs/signs.drl", signs.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/rules/validate")
                .then().statusCode(200)
                .body("valid", equalTo(true))
                .body("rules", hasItem("Sales talk is at most 20% of all communication over 90 days"));
        given().multiPart("files", "churn-signs/signs.drl", signs.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/rules/test")
                .then().statusCode(200)
                .body("failed", greaterThan(0));
    }

    @Test
    void shouldRefusePathsOutsideTheRulesFolder() {
        given().multiPart("files", "../etc/passwd.drl", "x".getBytes(StandardCharsets.UTF_8))
                .when().post("/api/rules/validate")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("files"));
    }

    @Test
    void shouldRefuseANonZipBody() {
        given().contentType("application/zip").body("not a zip".getBytes(StandardCharsets.UTF_8))
                .when().post("/api/rules/validate")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
