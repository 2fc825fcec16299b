package com.retentionadvisor.problems;

import java.util.List;

/**
 * A ruleset that may not go live: it does not compile or its scenarios fail. The live ruleset keeps serving. Each
 * problem is an error of the field {@code files} told in one line, and a rule problem with its place.
 */
public final class RulesetRejectedException extends ApiException {

    private final List<RuleProblem> ruleProblems;

    public RulesetRejectedException(String detail, List<RuleProblem> problems) {
        super(detail, problems.stream().map(problem -> FieldProblem.ofField("files", problem.describe())).toList());
        this.ruleProblems = List.copyOf(problems);
    }

    @Override
    List<RuleProblem> ruleProblems() {
        return ruleProblems;
    }

    @Override
    int status() {
        return 422;
    }

    @Override
    String slug() {
        return "ruleset-rejected";
    }

    @Override
    String title() {
        return "Ruleset rejected";
    }
}
