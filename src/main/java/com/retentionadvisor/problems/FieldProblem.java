package com.retentionadvisor.problems;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One thing wrong with a request: which item of a batch (if any), which field, and what is wrong. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldProblem(Integer index, String field, String message) {

    public static FieldProblem ofField(String field, String message) {
        return new FieldProblem(null, field, message);
    }

    /** A Bean Validation violation, named by the property it concerns. */
    public static FieldProblem of(jakarta.validation.ConstraintViolation<?> violation) {
        return ofField(violation.getPropertyPath().toString(), violation.getMessage());
    }

    /** "{laterField} must not be before {earlierField}" when both are given and out of order; otherwise nothing. */
    public static <T extends Comparable<? super T>> java.util.List<FieldProblem> notBefore(
            String laterField, T later, String earlierField, T earlier) {
        return later != null && earlier != null && later.compareTo(earlier) < 0
                ? java.util.List.of(ofField(laterField, "must not be before " + earlierField))
                : java.util.List.of();
    }

    public FieldProblem atIndex(int itemIndex) {
        return new FieldProblem(itemIndex, field, message);
    }

    /** "items[3].occurredAt: must not be null" — the problem in one line. */
    public String describe() {
        String where = index == null ? "" : "items[" + index + "]";
        if (field != null && !field.isEmpty()) {
            where = where.isEmpty() ? field : where + "." + field;
        }
        return where.isEmpty() ? message : where + ": " + message;
    }
}
