package com.retentionadvisor.rulesets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

import com.retentionadvisor.FixtureRules;

/**
 * In dev mode the service watches its rules folder: a change that compiles and passes its scenarios goes live by
 * itself, a broken one leaves the live ruleset serving and shows why. Runs on a copy of rules/.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
@TestProfile(RulesFolderWatcherTest.WatchingACopy.class)
class RulesFolderWatcherTest {

    static final Path FOLDER = copyOfTheShippedRules();

    public static class WatchingACopy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("retention.rules.dir", FOLDER.toString(),
                    "retention.rules.watch.enabled", "true",
                    "retention.rules.watch.settle", "300ms");
        }
    }

    @Test
    void shouldPutAChangedFolderLiveAndKeepServingWhenAChangeIsBroken() throws IOException {
        String first = given().get("/api/rules").then().statusCode(200).extract().path("version");
        Map<String, byte[]> shipped = ShippedRules.files();

        // A weight no other test publishes: a version is stored once, with the source that first produced it.
        write(FixtureRules.withMarker(shipped, 36));
        JsonPath changed = awaitRules(rules -> !rules.getString("version").equals(first));
        assertThat(changed.getString("reason"), equalTo("FOLDER_CHANGE"));
        assertThat(changed.getString("liveBy"), equalTo("rules folder watcher"));
        String second = changed.getString("version");

        write(FixtureRules.withATypo(Map.of()));
        JsonPath rejected = awaitRules(rules -> rules.get("rejected") != null);
        assertThat(rejected.getString("version"), equalTo(second));
        assertThat(rejected.getString("rejected.attempt"), equalTo("rules folder change"));
        assertThat(rejected.getString("rejected.problems[0].file"), equalTo(FixtureRules.TYPO));

        putBack(shipped);
        JsonPath back = awaitRules(rules -> rules.getString("version").equals(first));
        assertThat(back.get("rejected"), nullValue());
        given().get("/api/rules/versions").then().body("version", org.hamcrest.Matchers.hasItem(second));
    }

    @Test
    void shouldNotPutLiveAFolderWhoseScenariosFail() throws IOException {
        String live = given().get("/api/rules").then().extract().path("version");
        Map<String, byte[]> shipped = ShippedRules.files();
        try {
            write(FixtureRules.withMarkerAndAFailingScenario(shipped));
            JsonPath rejected = awaitRules(rules -> rules.get("rejected") != null);
            assertThat(rejected.getString("version"), equalTo(live));
            assertThat(rejected.getString("rejected.problems[0].file"), equalTo(FixtureRules.CONTRADICTING_SCENARIO));
        } finally {
            putBack(shipped);
        }
        assertThat(awaitRules(rules -> rules.get("rejected") == null && rules.getString("version").equals(live))
                .getString("version"), not(nullValue()));
    }

    private static void write(Map<String, byte[]> files) throws IOException {
        for (var file : files.entrySet()) {
            Files.createDirectories(FOLDER.resolve(file.getKey()).getParent());
            Files.write(FOLDER.resolve(file.getKey()), file.getValue());
        }
    }

    // The shipped files again, and none of the fixture's.
    private static void putBack(Map<String, byte[]> shipped) throws IOException {
        for (String fixture : List.of(FixtureRules.MARKER_RULE, FixtureRules.MARKER_SCENARIO, FixtureRules.CONTRADICTING_SCENARIO,
                FixtureRules.TYPO)) {
            Files.deleteIfExists(FOLDER.resolve(fixture));
        }
        write(shipped);
    }

    // The watcher works in the background: ask until it has acted, for at most half a minute.
    private static JsonPath awaitRules(Predicate<JsonPath> done) {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            JsonPath rules = given().get("/api/rules").then().statusCode(200).extract().jsonPath();
            if (done.test(rules)) {
                return rules;
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("the watcher did not act within 30 s; GET /api/rules: " + rules.prettify());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static Path copyOfTheShippedRules() {
        try {
            Path folder = Files.createTempDirectory("watched-rules");
            for (var file : ShippedRules.files().entrySet()) {
                Path target = folder.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
