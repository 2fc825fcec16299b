package com.retentionadvisor.problems;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.retentionadvisor.operations.RequestIds;

/**
 * An RFC 9457 problem document: what every error of this API answers with, as application/problem+json. requestId is
 * the request's X-Request-Id, to quote when reporting it and to find it in the log. A ruleset turned away (422
 * ruleset-rejected) also says, in ruleProblems, where each problem is: file, line and column, or sheet, row and cell.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldProblem> errors,
        List<RuleProblem> ruleProblems, String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem(String type, String title, int status, String detail, List<FieldProblem> errors) {
        this(type, title, status, detail, errors, List.of(), RequestIds.current());
    }

    /** Problem types are documented in docs/api.md under "Errors". */
    public static String typeFor(String slug) {
        return "https://retention-advisor.example/problems/" + slug;
    }
}
