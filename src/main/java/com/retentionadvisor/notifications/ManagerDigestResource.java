package com.retentionadvisor.notifications;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.retentionadvisor.callers.CallerScope;
import com.retentionadvisor.callers.Roles;
import com.retentionadvisor.problems.InvalidInputException;
import com.retentionadvisor.problems.Parameters;
import com.retentionadvisor.problems.UnknownRecordException;

@Path("/api/managers/{externalId}/digest")
@RolesAllowed({Roles.MANAGER, Roles.ADMIN})
@Tag(name = "Notifications")
public class ManagerDigestResource {

    private static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";

    @Inject
    Digests digests;

    @Inject
    DigestConfig config;

    @Inject
    CallerScope scope;

    @GET
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Operation(summary = "Preview a manager's daily digest for the date (default today): format=json (default) is the DAILY_DIGEST webhook payload, format=html its e-mail body; locale en (default) or ru")
    public Response digest(@PathParam("externalId") String managerId, @QueryParam("date") String date,
            @QueryParam("format") String format, @QueryParam("locale") String locale) {
        scope.requireManager(managerId);
        LocalDate day = Parameters.date("date", date, LocalDate.now(config.zone()));
        boolean html = "html".equals(oneOf("format", format, "json", "json", "html"));
        String language = oneOf("locale", locale, config.language(), Digests.LANGUAGES.toArray(String[]::new));
        DailyDigest digest = digests.of(managerId, day, language)
                .orElseThrow(() -> new UnknownRecordException("externalId", "manager", managerId));
        return html ? Response.ok(digest.email().html(), HTML).build()
                : Response.ok(digest, MediaType.APPLICATION_JSON).build();
    }

    private static String oneOf(String name, String value, String otherwise, String... allowed) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        for (String candidate : allowed) {
            if (candidate.equals(value.strip())) {
                return candidate;
            }
        }
        throw InvalidInputException.of(name, "'" + value + "' is not one of " + String.join(", ", allowed));
    }
}
