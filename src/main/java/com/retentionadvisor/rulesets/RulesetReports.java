package com.retentionadvisor.rulesets;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.retentionadvisor.rules.scenarios.ScenarioResult;

/** What the rules endpoints answer. */
public final class RulesetReports {

    private RulesetReports() {
    }

    /** The ruleset serving now. */
    public record Live(String version, String folder, List<String> rules) {
    }

    /** Whether a candidate compiles: its version and rules, or every problem with file and line. */
    public record Validation(boolean valid, @JsonInclude(JsonInclude.Include.NON_NULL) String version, List<String> rules,
            List<String> problems) {
    }

    /** Scenario results against a candidate ruleset. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TestRun(boolean compiled, String version, int passed, int failed, List<Outcome> scenarios,
            List<String> problems) {

        static TestRun notCompiled(List<String> problems) {
            return new TestRun(false, null, 0, 0, List.of(), problems);
        }

        static TestRun of(String version, List<ScenarioResult> results) {
            List<Outcome> outcomes = results.stream()
                    .map(r -> new Outcome(r.file(), r.scenario(), r.passed(), r.failures()))
                    .toList();
            int passed = (int) outcomes.stream().filter(Outcome::passed).count();
            return new TestRun(true, version, passed, outcomes.size() - passed, outcomes, null);
        }
    }

    /** One scenario: passed, or the differences between what was expected and what the rules concluded. */
    public record Outcome(String file, String scenario, boolean passed, List<String> differences) {
    }
}
