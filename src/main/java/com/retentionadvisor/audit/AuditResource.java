package com.retentionadvisor.audit;

import jakarta.annotation.security.RolesAllowed;

import com.retentionadvisor.callers.Roles;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.retentionadvisor.problems.FieldProblem;
import com.retentionadvisor.problems.InvalidInputException;
import com.retentionadvisor.problems.Parameters;

@Path("/api/audit")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who published or rolled back rules, changed a recommendation or read a customer's card")
public class AuditResource {

    private static final int DEFAULT_PAGE_SIZE = 50;

    @Inject
    AuditLog audit;

    @GET
    @Operation(summary = "The audit log, newest first; filter by subject (a customer's external id or a ruleset version), action and a window [from, to) of ISO-8601 instants; page from 0, size up to 200 (default 50)")
    public AuditLog.AuditPage entries(@QueryParam("subject") String subject, @QueryParam("action") String action,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        Instant since = Parameters.instant("from", from, null);
        Instant until = Parameters.instant("to", to, null);
        List<FieldProblem> window = FieldProblem.notBefore("to", until, "from", since);
        if (!window.isEmpty()) {
            throw new InvalidInputException(window);
        }
        Integer pageNumber = Parameters.integer("page", page, 0, 1_000_000);
        Integer pageSize = Parameters.integer("size", size, 1, AuditLog.MAX_PAGE_SIZE);
        return audit.list(subject == null || subject.isBlank() ? null : subject.strip(),
                Parameters.oneOf("action", action, AuditAction.class), since, until,
                pageNumber == null ? 0 : pageNumber, pageSize == null ? DEFAULT_PAGE_SIZE : pageSize);
    }
}
