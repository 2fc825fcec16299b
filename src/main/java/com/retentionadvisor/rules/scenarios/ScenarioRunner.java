package com.retentionadvisor.rules.scenarios;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.retentionadvisor.facts.CustomerFacts;
import com.retentionadvisor.rules.Evaluation;
import com.retentionadvisor.rules.Ruleset;

/**
 * Runs the analysts' scenario files (rules/tests/*.yaml) against a ruleset and says, per scenario, whether the rules
 * concluded what was expected and if not, how they differ. Needs no Quarkus and no database.
 */
public final class ScenarioRunner {

    /** The scenario name a result takes when its whole file cannot be read. */
    public static final String WHOLE_FILE = "(the whole file)";

    private final Ruleset ruleset;
    private final int maxFirings;
    private final Duration timeBudget;

    /**
     * {@code maxFirings}: rule firings allowed on one scenario before it is stopped as a loop; {@code timeBudget}: the
     * time its rules may take. A scenario stopped fails, saying why.
     */
    public ScenarioRunner(Ruleset ruleset, int maxFirings, Duration timeBudget) {
        this.ruleset = ruleset;
        this.maxFirings = maxFirings;
        this.timeBudget = timeBudget;
    }

    /** Runs every scenario of every scenario file below the folder, file by file in path order. */
    public List<ScenarioResult> runAll(Path folder) {
        return ScenarioFile.in(folder).stream()
                .flatMap(file -> runFile(folder, file).stream())
                .toList();
    }

    /** Runs the scenarios of one file below the folder; a file that cannot be read gives one failed result. */
    public List<ScenarioResult> runFile(Path folder, Path file) {
        ScenarioFile scenarios;
        try {
            scenarios = ScenarioFile.read(folder, file);
        } catch (InvalidScenarioException e) {
            return List.of(ScenarioResult.failed(ScenarioFile.pathOf(folder, file), null, WHOLE_FILE, e.getMessage()));
        }
        List<ScenarioResult> results = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < scenarios.scenarios().size(); i++) {
            JsonNode scenario = scenarios.scenarios().get(i);
            String name = ScenarioFile.nameOf(scenario, i);
            Integer line = scenarios.lineOf(i);
            results.add(names.add(name)
                    ? run(scenarios.path(), line, name, scenario)
                    : ScenarioResult.failed(scenarios.path(), line, name, "another scenario in this file has the same name"));
        }
        return results;
    }

    private ScenarioResult run(String file, Integer line, String name, JsonNode node) {
        Scenario scenario;
        List<Object> facts;
        try {
            scenario = Scenario.read(node);
            CustomerFacts customer = GivenFacts.from(scenario.given());
            facts = new ArrayList<>(customer.forRules());
            facts.addAll(GivenFacts.globalConditions(scenario.given()));
            facts.add(scenario.intent(customer));
        } catch (InvalidScenarioException e) {
            return ScenarioResult.failed(file, line, name, e.getMessage());
        }
        Evaluation evaluation;
        try {
            evaluation = ruleset.evaluate(facts, maxFirings, timeBudget);
        } catch (RuntimeException e) {
            // A rule that breaks on these facts is a finding about the rules: reported like a difference, not thrown.
            return ScenarioResult.failed(file, line, name, "the rules stopped with an error: " + e.getMessage());
        }
        return new ScenarioResult(file, line, name, scenario.expect().differencesFrom(evaluation, ruleset.ruleNames()), evaluation.firedRules());
    }
}
