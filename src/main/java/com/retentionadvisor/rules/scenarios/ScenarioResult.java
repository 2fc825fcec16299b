package com.retentionadvisor.rules.scenarios;

import java.util.List;

import com.retentionadvisor.problems.RuleProblem;

/**
 * How one scenario fared: passed when there are no failures. A failure is a difference from what was expected
 * ("expected signs [A, B] but got [A]") or a problem with the scenario as written. {@code line}: where the scenario
 * starts in its file (from 1), when it can be told.
 */
public record ScenarioResult(String file, Integer line, String scenario, List<String> failures, List<String> firedRules) {

    public ScenarioResult {
        failures = List.copyOf(failures);
        firedRules = List.copyOf(firedRules);
    }

    static ScenarioResult failed(String file, Integer line, String scenario, String problem) {
        return new ScenarioResult(file, line, scenario, List.of(problem), List.of());
    }

    public boolean passed() {
        return failures.isEmpty();
    }

    /** "file › scenario", as test reports show it. */
    public String displayName() {
        return file + " › " + scenario;
    }

    /** Each failure as a problem of the ruleset, placed in its file under rules/ (tests/...), line and scenario. */
    public List<RuleProblem> problems() {
        return failures.stream().map(failure -> RuleProblem.inScenario("tests/" + file, line, scenario, failure)).toList();
    }

    /** The name, then each failure on a line of its own. */
    public String describe() {
        return passed() ? displayName() + ": passed" : displayName() + ":\n  " + String.join("\n  ", failures);
    }
}
