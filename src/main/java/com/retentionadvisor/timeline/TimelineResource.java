package com.retentionadvisor.timeline;

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

import com.retentionadvisor.callers.Roles;
import com.retentionadvisor.problems.Parameters;
import com.retentionadvisor.problems.UnknownRecordException;
import com.retentionadvisor.customers.VisibleCustomers;

@Path("/api/customers/{externalId}/timeline")
@RolesAllowed({Roles.MANAGER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customers")
public class TimelineResource {

    @Inject
    Timeline timeline;

    @Inject
    VisibleCustomers customers;

    @GET
    @Operation(summary = "The customer card's history: contacts, deals and orders, surveys, emails, tickets, risk over time and recommendations, newest first (limit up to 1000, default 200)")
    public Timeline.CustomerTimeline timeline(@PathParam("externalId") String externalId, @QueryParam("limit") String limit) {
        customers.require(externalId);
        Integer entries = Parameters.integer("limit", limit, 1, Timeline.MAX_ENTRIES);
        return timeline.read(externalId, entries == null ? 200 : entries)
                .orElseThrow(() -> new UnknownRecordException("externalId", "customer", externalId));
    }
}
