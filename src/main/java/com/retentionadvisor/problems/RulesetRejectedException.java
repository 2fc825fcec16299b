package com.retentionadvisor.problems;

import java.util.List;

/** A ruleset that may not go live: it does not compile or its scenarios fail. The live ruleset keeps serving. */
public final class RulesetRejectedException extends ApiException {

    public RulesetRejectedException(String detail, List<String> problems) {
        super(detail, problems.stream().map(problem -> FieldProblem.ofField("files", problem)).toList());
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
