package com.retentionadvisor.rules;

import java.util.List;

import com.retentionadvisor.problems.RuleProblem;

/** A ruleset that cannot be used, with every problem found and its place: file, line and column, or sheet, row and cell. */
public class RulesetException extends RuntimeException {

    private final String version;
    private final List<RuleProblem> problems;

    public RulesetException(String summary, List<RuleProblem> problems) {
        this(summary, null, problems);
    }

    /** {@code version}: the hash of the files that do not compile, as a ruleset made of them would be named. */
    public RulesetException(String summary, String version, List<RuleProblem> problems) {
        super(summary + (problems.isEmpty() ? "" : ":\n  " + String.join("\n  ", problems.stream().map(RuleProblem::describe).toList())));
        this.version = version;
        this.problems = List.copyOf(problems);
    }

    /** The version the files would have had, or null when they could not even be read. */
    public String version() {
        return version;
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
