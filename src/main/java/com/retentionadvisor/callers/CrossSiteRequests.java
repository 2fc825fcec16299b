package com.retentionadvisor.callers;

import java.util.List;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.retentionadvisor.problems.Problem;

/**
 * A person's browser signs API calls with the session cookie (the analyst page's script does). Another page of the same
 * site (another port or a sibling host, which SameSite=Strict lets through) could make that browser send a POST too,
 * without the person knowing. So a call that changes something and comes with the cookie alone must carry the header
 * {@value #HEADER}, which a browser sends across sites only after a CORS preflight this service never grants. Callers
 * with an API key or a token in the Authorization header are not concerned.
 */
public class CrossSiteRequests {

    /** The header the service's own pages send with every call of their scripts. */
    public static final String HEADER = "X-Requested-With";
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String API = "/api/";

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
    String sessionCookie;

    @ServerRequestFilter
    public Response refuseCookieOnlyChanges(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith(API) || READS.contains(request.getMethod())
                || request.getHeaderString(HttpHeaders.AUTHORIZATION) != null
                || request.getHeaderString(HEADER) != null
                || !request.getCookies().containsKey(sessionCookie)) {
            return null;
        }
        Problem problem = new Problem(Problem.typeFor("cross-site-request"), "Cross-site request refused", 403,
                "a call that changes something, signed by a session cookie alone, must carry the header " + HEADER
                        + " (the advisor's pages send it); machine callers send an API key in the Authorization header",
                List.of());
        return Response.status(403).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
