package com.retentionadvisor.problems;

import java.util.List;

import jakarta.ws.rs.core.Response;

import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/** The two ways a request is turned away before it is looked at: no caller (401), or a role that may not (403). */
public final class AccessProblems {

    private static final String BEARER = "Bearer ";
    public static final String SIGN_IN = "this needs a caller: send an API key as 'Authorization: Bearer <key>', or sign in at /login";
    public static final String UNKNOWN_KEY = "the API key is not known, or it was revoked";
    public static final String TOKEN_REFUSED = "the token was refused: it has expired, or it is not signed by the identity provider "
            + "this advisor trusts, or not meant for it";
    public static final String ROLE_MAY_NOT = "the caller's role may not do this";

    private AccessProblems() {
    }

    /** "admin", "admin or analyst", "admin, crm or manager": the roles as a sentence names them. */
    public static String anyOf(List<String> roles) {
        return roles.size() == 1 ? roles.get(0)
                : String.join(", ", roles.subList(0, roles.size() - 1)) + " or " + roles.get(roles.size() - 1);
    }

    /** A token of the company's identity provider rather than an API key: a JWT, three base64url parts with a JSON header. */
    public static boolean isCompanyToken(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty()) {
            return false;
        }
        try {
            return new String(java.util.Base64.getUrlDecoder().decode(parts[0]), java.nio.charset.StandardCharsets.UTF_8).strip().startsWith("{");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Where the reason a company token was refused waits for the 401 (a request attribute). */
    public static final String TOKEN_REFUSAL = AccessProblems.class.getName() + ".tokenRefusal";

    /** The token of an {@code Authorization: Bearer …} header (a key or a company token), or null. */
    public static String bearerToken(RoutingContext context) {
        String header = context.request().getHeader("Authorization");
        if (header == null || header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return header.substring(BEARER.length()).strip();
    }

    /** Why a request has no caller: nothing sent, an unknown or revoked key, or a company token refused and why. */
    public static String whyNotSignedIn(RoutingContext context) {
        String token = bearerToken(context);
        if (token == null) {
            return SIGN_IN;
        }
        if (isCompanyToken(token)) {
            String refusal = context.get(TOKEN_REFUSAL);
            return refusal != null ? refusal : TOKEN_REFUSED;
        }
        return UNKNOWN_KEY;
    }

    public static Problem notSignedIn(String detail) {
        return new Problem(Problem.typeFor("unauthenticated"), "Not signed in", 401, detail, List.of());
    }

    public static Problem notAllowed(String detail) {
        return new Problem(Problem.typeFor("forbidden"), "Not allowed", 403, detail, List.of());
    }

    /**
     * The answer to a request without a (valid) caller, from the authentication mechanism that had to do with it:
     * on the API a 401 problem with its WWW-Authenticate header; on the web pages, and after a wrong password on the
     * login form, the form login's redirect to the login page.
     */
    public static Uni<Response> challenge(RoutingContext context, String detail) {
        HttpAuthenticator authenticator = context.get(HttpAuthenticator.class.getName());
        Uni<ChallengeData> challenge = authenticator == null ? Uni.createFrom().nullItem() : authenticator.getChallenge(context);
        return challenge.map(data -> {
            Problem problem = notSignedIn(detail);
            Response.ResponseBuilder response = data == null || data.status == 401
                    ? Response.status(401).type(Problem.MEDIA_TYPE).entity(problem)
                    : Response.status(data.status);
            if (data != null) {
                data.getHeaders().forEach((name, value) -> response.header(name.toString(), value));
            }
            return response.header("Cache-Control", "no-store").build();
        });
    }
}
