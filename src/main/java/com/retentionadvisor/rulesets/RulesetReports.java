package com.retentionadvisor.rulesets;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.retentionadvisor.problems.RuleProblem;
import com.retentionadvisor.rules.scenarios.ScenarioResult;

/** What the rules endpoints answer. */
public final class RulesetReports {

    private RulesetReports() {
    }

    /**
     * The ruleset serving now: since when, who put it live and why (START, FOLDER_CHANGE, PUBLISH, ROLLBACK), and the
     * last candidate turned away since, as a warning.
     */
    public record Live(String version, String folder, Instant liveSince, String liveBy, String reason, String comment,
            @JsonInclude(JsonInclude.Include.NON_NULL) Rejection rejected, List<String> rules) {
    }

    /** A candidate that did not go live: when, from where, and every problem with its place (file, line and column, or scenario). */
    public record Rejection(Instant at, String attempt, List<RuleProblem> problems) {
    }

    /** A version made live by a publish or a rollback, and the one it replaced. */
    public record Published(String version, String previousVersion, int rules, int scenariosPassed) {
    }

    /**
     * Whether a candidate compiles: its version (the hash of the files sent over the live ones, also when they do not
     * compile, so that two attempts can be told apart) and rules, or every problem with its place.
     */
    public record Validation(boolean valid, String version, List<String> rules, List<RuleProblem> problems) {
    }

    /** Scenario results against a candidate ruleset. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TestRun(boolean compiled, String version, int passed, int failed, List<Outcome> scenarios,
            List<RuleProblem> problems) {

        static TestRun notCompiled(String version, List<RuleProblem> problems) {
            return new TestRun(false, version, 0, 0, List.of(), problems);
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

    /** A stored version: when it was first made live, by whom, why, and whether it serves now. */
    public record VersionSummary(String version, Instant createdAt, String createdBy, String comment, String source,
            boolean live) {
    }

    /** A stored version with the full content of its files. */
    public record VersionDetail(VersionSummary summary, List<StoredFile> files) {
    }

    /** One stored file: its text (encoding utf-8) or, for a spreadsheet, its bytes in base64. */
    public record StoredFile(String path, String encoding, String content) {
    }

    /** How one version differs from another, file by file. */
    public record VersionDiff(String from, String to, List<FileDiff> files) {
    }

    /** One file ADDED, REMOVED or CHANGED, with a unified diff (none for a binary file such as a spreadsheet). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FileDiff(String path, String change, String diff) {
    }
}
