package com.retentionadvisor.problems;

import java.util.List;
import java.util.stream.Collectors;

/** The request body or a parameter is not what the API accepts; nothing was written. */
public final class InvalidInputException extends ApiException {

    public InvalidInputException(List<FieldProblem> problems) {
        super(summary(problems), problems);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(FieldProblem.ofField(field, message)));
    }

    private static String summary(List<FieldProblem> problems) {
        String shown = problems.stream().limit(5).map(FieldProblem::describe).collect(Collectors.joining("; "));
        int more = problems.size() - 5;
        return more > 0 ? shown + "; and " + more + " more (see errors)" : shown;
    }

    @Override
    int status() {
        return 400;
    }

    @Override
    String slug() {
        return "invalid-input";
    }

    @Override
    String title() {
        return "Invalid input";
    }
}
