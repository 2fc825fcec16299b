package com.retentionadvisor.recommendations;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.retentionadvisor.callers.CallerScope;
import com.retentionadvisor.callers.Roles;
import com.retentionadvisor.customers.RelationshipStage;
import com.retentionadvisor.problems.Parameters;
import com.retentionadvisor.problems.UnknownRecordException;
import com.retentionadvisor.rules.RiskLevel;

/** Worklists: a manager's (their current customers) and a team's (e.g. RENEWALS_DESK). */
public final class WorklistResource {

    private WorklistResource() {
    }

    @Path("/api/managers/{externalId}/worklist")
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Tag(name = "Recommendations")
    public static class OfManager {

        @Inject
        Worklists worklists;

        @Inject
        CallerScope scope;

        @GET
        @Operation(summary = "Open recommendations across the manager's current customers, most urgent first; filter by level, stage, dueBefore; page from 0, size up to 100 (default 20)")
        public Worklists.WorklistPage worklist(@PathParam("externalId") String managerId, @QueryParam("level") String level,
                @QueryParam("stage") String stage, @QueryParam("dueBefore") String dueBefore,
                @QueryParam("page") String page, @QueryParam("size") String size) {
            scope.requireManager(managerId);
            return worklists.forManager(managerId, filter(level, stage, dueBefore), page(page), size(size))
                    .orElseThrow(() -> new UnknownRecordException("externalId", "manager", managerId));
        }
    }

    @Path("/api/teams/{team}/worklist")
    @RolesAllowed(Roles.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Tag(name = "Recommendations")
    public static class OfTeam {

        @Inject
        Worklists worklists;

        @GET
        @Operation(summary = "Open recommendations the action terms give to a team (e.g. RENEWALS_DESK), most urgent first; same filters and pages")
        public Worklists.WorklistPage worklist(@PathParam("team") String team, @QueryParam("level") String level,
                @QueryParam("stage") String stage, @QueryParam("dueBefore") String dueBefore,
                @QueryParam("page") String page, @QueryParam("size") String size) {
            return worklists.forTeam(team, filter(level, stage, dueBefore), page(page), size(size));
        }
    }

    static Worklists.Filter filter(String level, String stage, String dueBefore) {
        return new Worklists.Filter(Parameters.oneOf("level", level, RiskLevel.class),
                Parameters.oneOf("stage", stage, RelationshipStage.class), Parameters.instant("dueBefore", dueBefore, null));
    }

    static int page(String page) {
        Integer number = Parameters.integer("page", page, 0, 1_000_000);
        return number == null ? 0 : number;
    }

    static int size(String size) {
        Integer number = Parameters.integer("size", size, 1, Worklists.MAX_PAGE_SIZE);
        return number == null ? 20 : number;
    }
}
