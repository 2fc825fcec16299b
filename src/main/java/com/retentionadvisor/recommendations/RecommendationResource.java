package com.retentionadvisor.recommendations;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.retentionadvisor.callers.Roles;
import com.retentionadvisor.contacts.Channel;
import com.retentionadvisor.problems.Parameters;
import com.retentionadvisor.problems.UnknownRecordException;

@Path("/api/recommendations")
@RolesAllowed({Roles.MANAGER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recommendations", description = "For managers: worklists and what they did with each recommendation")
public class RecommendationResource {

    @Inject
    RecommendationService recommendations;

    @Inject
    VisibleRecommendations visible;

    /** What a manager says when marking a recommendation done: how it was carried out. */
    public record Done(Channel channel, @Size(max = 2000) String note) {
    }

    /** Why a manager dismisses a recommendation. */
    public record Dismissal(DismissReason reason, @Size(max = 2000) String note) {
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One recommendation")
    public RecommendationView recommendation(@PathParam("id") String id) {
        return recommendations.find(id(id)).orElseThrow(() -> unknown(id));
    }

    @POST
    @Path("{id}/accept")
    @Operation(summary = "The owner takes the recommendation on (PROPOSED → ACCEPTED); 409 from any other state")
    public RecommendationView accept(@PathParam("id") String id) {
        return recommendations.accept(id(id)).orElseThrow(() -> unknown(id));
    }

    @POST
    @Path("{id}/done")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Carried out, by which channel (PROPOSED or ACCEPTED → DONE): recorded as an outbound contact of its purpose; 409 from any other state")
    public RecommendationView done(@PathParam("id") String id, @Valid Done done) {
        Done body = done == null ? new Done(null, null) : done;
        return recommendations.done(id(id), body.channel(), body.note()).orElseThrow(() -> unknown(id));
    }

    @POST
    @Path("{id}/dismiss")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Not to be done, with a reason (PROPOSED or ACCEPTED → DISMISSED): the rules keep the action away for the days its terms say; 409 from any other state")
    public RecommendationView dismiss(@PathParam("id") String id, @Valid Dismissal dismissal) {
        Dismissal body = dismissal == null ? new Dismissal(null, null) : dismissal;
        return recommendations.dismiss(id(id), body.reason(), body.note()).orElseThrow(() -> unknown(id));
    }

    // The recommendation's number, when it is one the caller may see; otherwise the 404 of an unknown one.
    private long id(String id) {
        Integer number = Parameters.integer("id", id, 1, Integer.MAX_VALUE);
        if (number == null || !visible.includes(number)) {
            throw unknown(id);
        }
        return number;
    }

    private static UnknownRecordException unknown(String id) {
        return new UnknownRecordException("id", "recommendation", id);
    }
}
