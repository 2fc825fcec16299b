package com.retentionadvisor.callers;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * People signed in with the company's own identity provider (Keycloak, Entra ID, Okta, …) call the API with the
 * access token it gave them, a JSON Web Token. The token is accepted when it is signed by one of the provider's keys
 * (its JWKS), names the configured issuer (and audience, when one is set) and has not expired; the caller is the
 * token's user (upn, preferred_username or sub), with the advisor roles its roles claim maps to and, for a manager,
 * the manager its manager claim names. Everything comes from {@code retention.security.jwt.*}; without an issuer no
 * token is accepted. SmallRye JWT checks the token, the library Quarkus' own JWT support is built on.
 */
@ApplicationScoped
public class CompanyTokens {

    private static final Logger LOG = Logger.getLogger(CompanyTokens.class);

    /** What the audit log and publishedBy show before the user's name from the token. */
    public static final String CALLER_PREFIX = "sso:";

    @Inject
    SecurityConfig config;

    private volatile DefaultJWTParser parser;

    /** A configuration that cannot work stops the start, saying what to set, rather than refusing every token later. */
    void checkTheConfiguration(@Observes StartupEvent started) {
        SecurityConfig.Jwt jwt = config.jwt();
        if (jwt.issuer().isPresent() && (jwt.keysLocation().isEmpty() || jwt.audience().isEmpty())
                || jwt.issuer().isEmpty() && (jwt.keysLocation().isPresent() || jwt.audience().isPresent())) {
            throw new IllegalStateException("retention.security.jwt.issuer, keys-location and audience go together: set all three "
                    + "to accept the identity provider's tokens (the audience keeps out tokens it issued for other applications), or none");
        }
        jwt.roleMapping().forEach((group, role) -> {
            if (!Roles.ALL.contains(role)) {
                throw new IllegalStateException("retention.security.jwt.role-mapping.\"" + group + "\"=" + role
                        + " names no role; the roles are " + String.join(", ", Roles.ALL));
            }
        });
        jwt.issuer().ifPresent(issuer -> LOG.infof("Accepting tokens of %s (keys at %s, roles from the claim %s)",
                issuer, jwt.keysLocation().orElseThrow(), jwt.rolesClaim()));
    }

    /** The caller the token names, or AuthenticationFailedException (a 401) saying why not. */
    public SecurityIdentity identityFor(String token) {
        SecurityConfig.Jwt settings = config.jwt();
        if (settings.issuer().isEmpty()) {
            throw refused("tokens of an identity provider are not accepted here: send an API key");
        }
        JsonWebToken jwt;
        try {
            jwt = parser(settings).parse(token);
        } catch (ParseException e) {
            throw refused("the token was refused: " + why(e, settings));
        }
        String name = jwt.getName() != null ? jwt.getName() : jwt.getSubject();
        if (name == null || name.isBlank()) {
            throw refused("the token names no user (upn, preferred_username or sub)");
        }
        // "sso:" keeps a provider's user apart from the advisor's own people and keys ("key:…") in the audit log.
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(CALLER_PREFIX + name))
                .addRoles(roles(jwt.getGroups(), settings.roleMapping()));
        String manager = text(jwt.getClaim(settings.managerClaim()));
        if (manager != null) {
            identity.addAttribute(CallerScope.MANAGER_ATTRIBUTE, manager);
        }
        return identity.build();
    }

    /**
     * The advisor roles the token's groups give: with a role mapping, only the groups it names (a provider group that
     * happens to be called "admin" gives nothing); without one, the groups that are role names.
     */
    static Set<String> roles(Set<String> groups, Map<String, String> mapping) {
        Set<String> roles = new LinkedHashSet<>();
        for (String group : groups == null ? Set.<String>of() : groups) {
            String role = mapping.isEmpty() ? group : mapping.get(group);
            if (role != null && Roles.ALL.contains(role)) {
                roles.add(role);
            }
        }
        return roles;
    }

    /** A claim that is a text (a manager's CRM id); anything else (a number, a list) names no manager. */
    private static String text(Object claim) {
        if (claim instanceof JsonString json) {
            return json.getString();
        }
        return claim instanceof String value && !value.isBlank() ? value : null;
    }

    private DefaultJWTParser parser(SecurityConfig.Jwt settings) {
        DefaultJWTParser made = parser;
        if (made == null) {
            synchronized (this) {
                if (parser == null) {
                    JWTAuthContextInfo context = new JWTAuthContextInfo(settings.keysLocation().orElseThrow(), settings.issuer().orElseThrow());
                    context.setGroupsPath(settings.rolesClaim());
                    settings.audience().ifPresent(context::setExpectedAudience);
                    context.setClockSkew(settings.clockSkewSeconds());
                    parser = new DefaultJWTParser(context);
                }
                made = parser;
            }
        }
        return made;
    }

    private static AuthenticationFailedException refused(String why) {
        LOG.infof("A bearer token was not accepted: %s", why);
        return new AuthenticationFailedException(why);
    }

    /** Why in a few words, never the token itself (a token refused here may be good elsewhere, so it is not logged). */
    private static String why(ParseException e, SecurityConfig.Jwt settings) {
        InvalidJwtException invalid = null;
        for (Throwable cause = e; cause != null && invalid == null; cause = cause.getCause()) {
            if (cause instanceof InvalidJwtException found) {
                invalid = found;
            }
        }
        if (invalid == null) {
            return "it cannot be read, or it is not signed by one of the provider's keys";
        }
        if (invalid.hasExpired()) {
            return "it has expired";
        }
        if (invalid.hasErrorCode(ErrorCodes.NOT_YET_VALID) || invalid.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_FUTURE)) {
            return "it is not valid yet (is a clock wrong?)";
        }
        if (invalid.hasErrorCode(ErrorCodes.ISSUER_INVALID) || invalid.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
            return "it was not issued by " + settings.issuer().orElse("");
        }
        if (invalid.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || invalid.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
            return "it is not meant for " + String.join(" or ", settings.audience().orElse(Set.of())) + " (its aud claim)";
        }
        if (invalid.hasErrorCode(ErrorCodes.SIGNATURE_INVALID) || invalid.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)) {
            return "it is not signed by one of the provider's keys";
        }
        return "it is not a valid token of " + settings.issuer().orElse("the provider");
    }
}
