package com.retentionadvisor.web;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Signing in and out of the web page. The form posts to Quarkus' form login (/j_security_check), which checks the
 * password, sets the encrypted session cookie and goes back to the page asked for (or /); a wrong password comes
 * back here with ?error=true. Signing out clears the cookie.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginPageResource {

    @Inject
    WebConfig config;

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
    String sessionCookie;

    @Context
    UriInfo uriInfo;

    @Context
    HttpHeaders headers;

    @GET
    @Path("login")
    @PermitAll
    public Response login(@RestQuery String error) {
        Page here = Page.of(uriInfo, headers, config, null);
        return Response.ok(Templates.login(error != null, here).setLocale(here.language().locale()))
                .language(here.language().locale())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    @POST
    @Path("logout")
    @PermitAll
    public Response logout() {
        Page here = Page.of(uriInfo, headers, config, null);
        NewCookie cleared = new NewCookie.Builder(sessionCookie).value("").path("/").maxAge(0).httpOnly(true).build();
        return Response.seeOther(URI.create("/login?lang=" + here.lang())).cookie(cleared).build();
    }
}
