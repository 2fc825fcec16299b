package com.retentionadvisor.callers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

import com.retentionadvisor.problems.AccessProblems;

/**
 * The caller a bearer token names: a token from the company's identity provider (a JWT, checked by
 * {@link CompanyTokens}) or one of the advisor's API keys, looked up in the store. Both arrive in the same header; the
 * token's shape tells them apart.
 */
@ApplicationScoped
public class BearerIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    @Inject
    Callers callers;

    @Inject
    CompanyTokens companyTokens;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.getToken().getToken();
        // Both may block: a key is looked up in the database, a provider's keys may have to be fetched.
        if (AccessProblems.isCompanyToken(token)) {
            RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
            return context.runBlocking(() -> {
                try {
                    return companyTokens.identityFor(token);
                } catch (AuthenticationFailedException refused) {
                    // The 401's detail says why (ApiKeyAuthenticationMechanism answers it).
                    if (http != null) {
                        http.put(AccessProblems.TOKEN_REFUSAL, refused.getMessage());
                    }
                    throw refused;
                }
            });
        }
        return context.runBlocking(() -> callers.callerForKey(token)
                .map(Caller::identity)
                .orElseThrow(() -> new AuthenticationFailedException("unknown or revoked API key")));
    }
}
