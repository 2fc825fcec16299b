package com.retentionadvisor.kpis;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.retentionadvisor.callers.CallerScope;
import com.retentionadvisor.callers.Roles;

@Path("/api/kpis")
@RolesAllowed({Roles.ANALYST, Roles.MANAGER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "KPIs", description = "NPS, CSAT, CSI, churn and retention, orders, lifetime value, sales talk and refusals, per period")
public class KpiResource {

    @Inject
    KpiService kpis;

    @Inject
    CallerScope scope;

    @GET
    @Operation(summary = "The KPIs of the period [from, to), overall and per manager or segment, each with the counts behind it")
    public KpiReport kpis(
            @Parameter(description = "Start of the period, included (ISO-8601 with offset); default 90 days before to") @QueryParam("from") String from,
            @Parameter(description = "End of the period, excluded (ISO-8601 with offset); default now") @QueryParam("to") String to,
            @Parameter(description = "manager (the customers' current manager; 'none' without one) or segment; default overall only")
            @QueryParam("groupBy") String groupBy) {
        return kpis.report(KpiRequest.of(from, to, groupBy, Instant.now()).limitedTo(scope.limitedToManager().orElse(null)));
    }
}
