package com.retentionadvisor.rules.scenarios;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.retentionadvisor.rules.Ruleset;

/** The analysts' scenario files under rules/tests/, run against the shipped rules: one test per scenario. */
class ScenarioFilesTest {

    private static final Path RULES = Path.of("rules");
    private static final Path SCENARIOS = RULES.resolve("tests");

    // Holder idiom: the rules compile and every scenario runs once per test JVM, shared by the tests below.
    private static final class Ran {
        static final Ruleset RULESET = Ruleset.load(RULES);
        static final List<ScenarioResult> RESULTS = new ScenarioRunner(RULESET, 10_000, java.time.Duration.ofSeconds(5)).runAll(SCENARIOS);
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioConcludesWhatItExpects() {
        assertFalse(Ran.RESULTS.isEmpty(), "no scenario files under " + SCENARIOS.toAbsolutePath());
        return Ran.RESULTS.stream().map(result -> dynamicTest(result.displayName(), SCENARIOS.resolve(result.file()).toUri(),
                () -> assertTrue(result.passed(), result::describe)));
    }

    @Test
    void everyRuleIsFiredByAtLeastOneScenario() {
        Set<String> fired = Ran.RESULTS.stream().flatMap(r -> r.firedRules().stream()).collect(Collectors.toSet());

        List<String> neverFired = Ran.RULESET.ruleNames().stream().filter(rule -> !fired.contains(rule)).toList();

        assertTrue(neverFired.isEmpty(), () -> "No scenario under " + SCENARIOS + " fires these rules; add a scenario for each:\n  "
                + String.join("\n  ", neverFired));
    }
}
