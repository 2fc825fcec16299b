package com.retentionadvisor.globalfacts;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.retentionadvisor.callers.Roles;
import com.retentionadvisor.problems.InvalidInputException;

@Path("/api/global-facts")
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Global facts", description = "Facts about the whole market that an operator sets and clears, e.g. MARKET_CRISIS")
public class GlobalFactResource {

    /** What an operator sends to set or clear a global fact. */
    public record Change(Boolean active, String note, String changedBy) {
    }

    @Inject
    GlobalFactService globalFacts;

    @GET
    @Operation(summary = "Every global fact, active or not")
    public List<GlobalFactService.GlobalFactView> all() {
        return globalFacts.all();
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set (active: true) or clear (active: false) a global fact; rules see the active ones as GlobalCondition")
    public GlobalFactService.GlobalFactView set(@PathParam("name") String name, Change change) {
        if (!name.matches("[A-Z][A-Z0-9_]{0,59}")) {
            throw InvalidInputException.of("name", "'" + name + "' is not a fact name: capitals, digits and _, e.g. MARKET_CRISIS");
        }
        if (change == null || change.active() == null) {
            throw InvalidInputException.of("active", "must be true or false");
        }
        if (change.note() != null && change.note().length() > 500) {
            throw InvalidInputException.of("note", "at most 500 characters");
        }
        if (change.changedBy() != null && change.changedBy().length() > 100) {
            throw InvalidInputException.of("changedBy", "at most 100 characters");
        }
        GlobalFactService.GlobalFactView changed = globalFacts.set(name, change.active(), change.note(), change.changedBy());
        globalFacts.forgetActive();
        return changed;
    }
}
