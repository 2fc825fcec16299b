package com.retentionadvisor.callers;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

import com.retentionadvisor.problems.AccessProblems;
import com.retentionadvisor.problems.Problem;

/**
 * Machine callers send their API key as {@code Authorization: Bearer <key>}, people signed in with the company's
 * identity provider its token the same way ({@link BearerIdentityProvider} tells them apart). This mechanism also answers for every
 * API path (/api, /q) that a caller is missing, as application/problem+json; on the web pages it leaves that to the
 * form login, which sends a person to /login. It comes before the form login for that reason.
 */
@ApplicationScoped
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String SCHEME = "Bearer";
    private static final String CHALLENGE = SCHEME + " realm=\"retention-advisor\"";

    @Inject
    ObjectMapper json;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String key = AccessProblems.bearerToken(context);
        if (key == null) {
            return Uni.createFrom().optional(java.util.Optional.empty());
        }
        TokenAuthenticationRequest request = new TokenAuthenticationRequest(new TokenCredential(key, SCHEME));
        return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(request, context));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return answersFor(context)
                ? Uni.createFrom().item(new ChallengeData(401, HttpHeaderNames.WWW_AUTHENTICATE, CHALLENGE))
                : Uni.createFrom().nullItem();
    }

    // The challenge with a body: what the caller is missing, in the API's own error format.
    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        if (!answersFor(context)) {
            return Uni.createFrom().item(false);
        }
        Problem problem = AccessProblems.notSignedIn(AccessProblems.whyNotSignedIn(context));
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        context.response().setStatusCode(401)
                .putHeader(HttpHeaderNames.WWW_AUTHENTICATE, CHALLENGE)
                .putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaderNames.CACHE_CONTROL, "no-store")
                .end(body);
        return Uni.createFrom().item(true);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, SCHEME.toLowerCase()));
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100;
    }

    /** Whether a missing caller is answered here: on the API, or wherever a key was sent. */
    private static boolean answersFor(RoutingContext context) {
        return isApiPath(context.normalizedPath()) || AccessProblems.bearerToken(context) != null;
    }

    /** The API and the operations endpoints; everything else is a web page, where a person signs in. */
    public static boolean isApiPath(String path) {
        return path.equals("/api") || path.startsWith("/api/") || path.equals("/q") || path.startsWith("/q/");
    }
}
