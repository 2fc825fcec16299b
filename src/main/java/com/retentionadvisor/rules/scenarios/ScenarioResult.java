package com.retentionadvisor.rules.scenarios;

import java.util.List;

/**
 * How one scenario fared: passed when there are no failures. A failure is a difference from what was expected
 * ("expected signs [A, B] but got [A]") or a problem with the scenario as written.
 */
public record ScenarioResult(String file, String scenario, List<String> failures, List<String> firedRules) {

    public ScenarioResult {
        failures = List.copyOf(failures);
        firedRules = List.copyOf(firedRules);
    }

    static ScenarioResult failed(String file, String scenario, String problem) {
        return new ScenarioResult(file, scenario, List.of(problem), List.of());
    }

    public boolean passed() {
        return failures.isEmpty();
    }

    /** "file › scenario", as test reports show it. */
    public String displayName() {
        return file + " › " + scenario;
    }

    /** The name, then each failure on a line of its own. */
    public String describe() {
        return passed() ? displayName() + ": passed" : displayName() + ":\n  " + String.join("\n  ", failures);
    }
}
