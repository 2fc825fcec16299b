package com.retentionadvisor.recommendations;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.retentionadvisor.callers.Roles;
import com.retentionadvisor.jobs.RuleJob;
import com.retentionadvisor.jobs.JobEndpoints;

@Path("/api/evaluations")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluations", description = "Evaluating customers now: advice stored, actions turned into recommendations")
public class EvaluationResource {

    @Inject
    BatchEvaluation batch;

    @Inject
    JobEndpoints jobs;

    @POST
    @Operation(summary = "Evaluate every customer again, as a background job (as the schedule does); answers 202 with the job")
    public Response evaluateAll() {
        return jobs.accepted(batch.start(), "/api/evaluations");
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A batch evaluation's progress and, once done, how many customers it evaluated and how fast; waitSeconds (≤ 60) waits for the end first")
    public RuleJob.View evaluation(@PathParam("id") String id, @QueryParam("waitSeconds") String waitSeconds) {
        return jobs.poll(BatchEvaluation.KIND, id, waitSeconds, "evaluation");
    }
}
