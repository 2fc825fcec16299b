package com.retentionadvisor.backtest;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.retentionadvisor.callers.Roles;
import com.retentionadvisor.rulesets.RuleFiles;
import com.retentionadvisor.jobs.RuleJob;
import com.retentionadvisor.jobs.JobEndpoints;

@Path("/api/rules")
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rules")
public class BacktestResource {

    private static final String ZIP = "application/zip";

    @Inject
    BacktestService backtests;

    @Inject
    JobEndpoints jobs;

    @POST
    @Path("backtest")
    @Operation(summary = "Back-test the live ruleset: every customer evaluated as of a past cut-off, the risk compared with what happened after it; answers 202 with the job")
    public Response backtest(@Parameter(description = "ISO-8601 instant with an offset, in the past") @QueryParam("cutoff") String cutoff,
            @Parameter(description = "ISO-8601 period or duration after the cut-off, e.g. P90D; must end before now") @QueryParam("horizon") String horizon,
            @Parameter(description = "NO_ORDER (no won deal within the horizon) or CHURNED (churned within the horizon)") @QueryParam("outcome") String outcome,
            @Parameter(description = "How many of the highest scores make the top-k; default 10% of the customers evaluated") @QueryParam("topK") String topK) {
        return accepted(backtests.start(request(cutoff, horizon, outcome, topK), null));
    }

    @POST
    @Path("backtest")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Back-test a candidate: the rule files sent (form parts 'files', by their path under rules/) laid over the live rules, or the live ruleset when no file is sent; answers 202 with the job")
    public Response backtestCandidate(@RestForm("files") List<FileUpload> files, @QueryParam("cutoff") String cutoff,
            @QueryParam("horizon") String horizon, @QueryParam("outcome") String outcome, @QueryParam("topK") String topK) {
        BacktestRequest request = request(cutoff, horizon, outcome, topK);
        // A POST with no body at all may land here too: without files, the live ruleset is back-tested.
        return accepted(backtests.start(request, files == null || files.isEmpty() ? null : RuleFiles.fromUploads(files)));
    }

    @POST
    @Path("backtest")
    @Consumes(ZIP)
    @Operation(summary = "Back-test the rule files of a zip laid over the live rules; answers 202 with the job")
    public Response backtestZip(byte[] zip, @QueryParam("cutoff") String cutoff, @QueryParam("horizon") String horizon,
            @QueryParam("outcome") String outcome, @QueryParam("topK") String topK) {
        BacktestRequest request = request(cutoff, horizon, outcome, topK);
        return accepted(backtests.start(request, RuleFiles.fromZip(zip)));
    }

    @GET
    @Path("backtests/{id}")
    @Operation(summary = "A back-test's progress (done of total customers, an estimate of the seconds left) and, once done, its report; waitSeconds (at most 60) waits for the end first")
    public RuleJob.View backtest(@PathParam("id") String id, @QueryParam("waitSeconds") String waitSeconds) {
        return jobs.poll(BacktestService.KIND, id, waitSeconds, "back-test");
    }

    @DELETE
    @Path("backtests/{id}")
    @Operation(summary = "Cancel a back-test: it stops before its next customer")
    public RuleJob.View cancel(@PathParam("id") String id) {
        return jobs.cancel(BacktestService.KIND, id, "back-test");
    }

    private static BacktestRequest request(String cutoff, String horizon, String outcome, String topK) {
        return BacktestRequest.of(cutoff, horizon, outcome, topK, Instant.now());
    }

    private Response accepted(RuleJob job) {
        return jobs.accepted(job, "/api/rules/backtests");
    }
}
