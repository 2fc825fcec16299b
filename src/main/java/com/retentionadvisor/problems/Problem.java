package com.retentionadvisor.problems;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem document: what every error of this API answers with, as application/problem+json. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldProblem> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Problem types are documented in the README under "Errors". */
    public static String typeFor(String slug) {
        return "https://retention-advisor.example/problems/" + slug;
    }
}
