package com.retentionadvisor.problems;

import java.util.List;

/** The two ways a request is turned away before it is looked at: no caller (401), or a role that may not (403). */
public final class AccessProblems {

    public static final String SIGN_IN = "this needs a caller: send an API key as 'Authorization: Bearer <key>', or sign in at /login";
    public static final String UNKNOWN_KEY = "the API key is not known, or it was revoked";
    public static final String ROLE_MAY_NOT = "the caller's role may not do this";

    private AccessProblems() {
    }

    public static Problem notSignedIn(String detail) {
        return new Problem(Problem.typeFor("unauthenticated"), "Not signed in", 401, detail, List.of());
    }

    public static Problem notAllowed(String detail) {
        return new Problem(Problem.typeFor("forbidden"), "Not allowed", 403, detail, List.of());
    }
}
