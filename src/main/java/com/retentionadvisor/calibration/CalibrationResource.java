package com.retentionadvisor.calibration;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

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
import com.retentionadvisor.problems.ConflictException;
import com.retentionadvisor.rulesets.RuleFiles;
import com.retentionadvisor.jobs.RuleJob;
import com.retentionadvisor.jobs.JobEndpoints;

@Path("/api/rules")
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rules")
public class CalibrationResource {

    private static final String ZIP = "application/zip";

    @Inject
    CalibrationService calibrations;

    @Inject
    JobEndpoints jobs;

    @POST
    @Path("calibration")
    @Operation(summary = "Calibrate the live ruleset's weights and risk bands on what happened after a past cut-off: a proposal of"
            + " risk-levels/sign-weights.drl.csv and risk-levels/bands-by-segment.drl.csv, applied only when published; answers 202 with the job")
    public Response calibrate(
            @Parameter(description = "ISO-8601 instant with an offset, in the past") @QueryParam("cutoff") String cutoff,
            @Parameter(description = "ISO-8601 period or duration after the cut-off, e.g. P90D; must end before now") @QueryParam("horizon") String horizon,
            @Parameter(description = "NO_ORDER (no won deal within the horizon) or CHURNED (churned within the horizon)") @QueryParam("outcome") String outcome,
            @Parameter(description = "Points that double the odds of churning; default 20") @QueryParam("pointsToDoubleOdds") String pointsToDoubleOdds,
            @Parameter(description = "The score of even odds (a churn rate of 50%); fixes the base points; default 100") @QueryParam("evenOddsScore") String evenOddsScore,
            @Parameter(description = "A sign shown by fewer customers keeps its points; default 30") @QueryParam("minCustomers") String minCustomers,
            @Parameter(description = "L2 penalty on the coefficients, 0 for none; default 2") @QueryParam("regularisation") String regularisation,
            @Parameter(description = "The churn rates at which MEDIUM, HIGH and CRITICAL begin; default 0.25,0.5,0.65") @QueryParam("levelRates") String levelRates) {
        return accepted(calibrations.start(CalibrationRequest.of(cutoff, horizon, outcome, pointsToDoubleOdds, evenOddsScore, minCustomers,
                regularisation, levelRates, Instant.now()), null));
    }

    @POST
    @Path("calibration")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Calibrate a candidate: the rule files sent (form parts 'files', by their path under rules/) laid over the live rules, or the live ruleset when no file is sent; answers 202 with the job")
    public Response calibrateCandidate(@RestForm("files") List<FileUpload> files, @QueryParam("cutoff") String cutoff,
            @QueryParam("horizon") String horizon, @QueryParam("outcome") String outcome,
            @QueryParam("pointsToDoubleOdds") String pointsToDoubleOdds, @QueryParam("evenOddsScore") String evenOddsScore,
            @QueryParam("minCustomers") String minCustomers, @QueryParam("regularisation") String regularisation,
            @QueryParam("levelRates") String levelRates) {
        CalibrationRequest request = CalibrationRequest.of(cutoff, horizon, outcome, pointsToDoubleOdds, evenOddsScore, minCustomers,
                regularisation, levelRates, Instant.now());
        // A POST with no body at all may land here too: without files, the live ruleset is calibrated.
        return accepted(calibrations.start(request, files == null || files.isEmpty() ? null : RuleFiles.fromUploads(files)));
    }

    @POST
    @Path("calibration")
    @Consumes(ZIP)
    @Operation(summary = "Calibrate the rule files of a zip laid over the live rules; answers 202 with the job")
    public Response calibrateZip(byte[] zip, @QueryParam("cutoff") String cutoff, @QueryParam("horizon") String horizon,
            @QueryParam("outcome") String outcome, @QueryParam("pointsToDoubleOdds") String pointsToDoubleOdds,
            @QueryParam("evenOddsScore") String evenOddsScore, @QueryParam("minCustomers") String minCustomers,
            @QueryParam("regularisation") String regularisation, @QueryParam("levelRates") String levelRates) {
        CalibrationRequest request = CalibrationRequest.of(cutoff, horizon, outcome, pointsToDoubleOdds, evenOddsScore, minCustomers,
                regularisation, levelRates, Instant.now());
        return accepted(calibrations.start(request, RuleFiles.fromZip(zip)));
    }

    @GET
    @Path("calibrations/{id}")
    @Operation(summary = "A calibration's progress and, once done, its report (the proposed points, bands, preview and files); waitSeconds (at most 60) waits for the end first")
    public RuleJob.View calibration(@PathParam("id") String id, @QueryParam("waitSeconds") String waitSeconds) {
        return jobs.poll(CalibrationService.KIND, id, waitSeconds, "calibration");
    }

    @GET
    @Path("calibrations/{id}/files")
    @Produces(ZIP)
    @Operation(summary = "The proposed rule files of a finished calibration, as a zip of their paths under rules/, to back-test or publish; 409 until it is done")
    public Response files(@PathParam("id") String id) {
        RuleJob.View view = jobs.find(CalibrationService.KIND, id, "calibration").view();
        if (!(view.report() instanceof CalibrationReport report)) {
            throw new ConflictException("the calibration is " + view.state() + ": its files exist once it is DONE");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var file : report.files().entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Response.ok(bytes.toByteArray(), ZIP)
                .header("Content-Disposition", "attachment; filename=\"calibration-" + id + ".zip\"").build();
    }

    @DELETE
    @Path("calibrations/{id}")
    @Operation(summary = "Cancel a calibration: it stops before its next customer")
    public RuleJob.View cancel(@PathParam("id") String id) {
        return jobs.cancel(CalibrationService.KIND, id, "calibration");
    }

    private Response accepted(RuleJob job) {
        return jobs.accepted(job, "/api/rules/calibrations");
    }
}
