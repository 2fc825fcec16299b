package com.retentionadvisor.problems;

import java.util.List;

import com.retentionadvisor.operations.RequestIds;

/** A request the API turns away, with everything the caller needs to fix it. Mapped once, in {@link ProblemMappers}. */
public abstract sealed class ApiException extends RuntimeException
        permits InvalidInputException, UnknownRecordException, BatchTooLargeException, UploadTooLargeException,
        ForbiddenHereException, TryAgainLaterException, RulesetRejectedException, ConflictException {

    private final List<FieldProblem> problems;

    protected ApiException(String detail, List<FieldProblem> problems) {
        super(detail);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    abstract int status();

    abstract String slug();

    abstract String title();

    /** Where each problem is in the rule files, for a ruleset turned away; nothing otherwise. */
    List<RuleProblem> ruleProblems() {
        return List.of();
    }

    Problem toProblem() {
        return new Problem(Problem.typeFor(slug()), title(), status(), getMessage(), problems, ruleProblems(), RequestIds.current());
    }
}
