package com.retentionadvisor.rulesets;

import java.net.URI;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.retentionadvisor.callers.Roles;
import com.retentionadvisor.problems.Parameters;
import com.retentionadvisor.problems.UnknownRecordException;

@Path("/api/rules")
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rules", description = "For analysts: the live ruleset, checking rule files, publishing, versions and rollback")
public class RulesetResource {

    private static final String ZIP = "application/zip";

    @Inject
    RulesetService rulesets;

    @Inject
    LiveRulesets liveRulesets;

    @Inject
    RulesetHistory history;

    @Inject
    SimulationService simulations;

    @Inject
    RuleJobs jobs;

    @GET
    @Operation(summary = "The ruleset serving now: version, since when, who put it live and why, its rules, and the last candidate turned away (a warning)")
    public RulesetReports.Live live() {
        return liveRulesets.live();
    }

    @POST
    @Path("publish")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Make the files sent (form parts 'files', rules and tests/*.yaml) the whole live ruleset, once they compile and their scenarios pass; 422 otherwise, the live ruleset unchanged")
    public RulesetReports.Published publish(@RestForm("files") List<FileUpload> files,
            @RestForm("publishedBy") String publishedBy, @RestForm("comment") String comment,
            @QueryParam("publishedBy") String publishedByInQuery, @QueryParam("comment") String commentInQuery) {
        return liveRulesets.publish(RuleFiles.fromUploads(files), either(publishedBy, publishedByInQuery), either(comment, commentInQuery));
    }

    @POST
    @Path("publish")
    @Consumes(ZIP)
    @Operation(summary = "Make the files of a zip (rules and tests/*.yaml) the whole live ruleset; publishedBy and comment as query parameters")
    public RulesetReports.Published publishZip(byte[] zip, @QueryParam("publishedBy") String publishedBy,
            @QueryParam("comment") String comment) {
        return liveRulesets.publish(RuleFiles.fromZip(zip), publishedBy, comment);
    }

    @POST
    @Path("rollback/{version}")
    @Operation(summary = "Make a stored ruleset version live again")
    public RulesetReports.Published rollback(@PathParam("version") String version, @QueryParam("rolledBackBy") String rolledBackBy) {
        return liveRulesets.rollback(version, rolledBackBy);
    }

    @GET
    @Path("versions")
    @Operation(summary = "Every ruleset version that has been live, newest first")
    public List<RulesetReports.VersionSummary> versions() {
        return history.versions();
    }

    @GET
    @Path("versions/{version}")
    @Operation(summary = "A stored ruleset version with the full text of its files")
    public RulesetReports.VersionDetail version(@PathParam("version") String version) {
        return history.version(version).orElseThrow(() -> new UnknownRecordException("version", "ruleset version", version));
    }

    @GET
    @Path("versions/{from}/diff/{to}")
    @Operation(summary = "What changed from one stored version to another, file by file, as unified diffs")
    public RulesetReports.VersionDiff diff(@PathParam("from") String from, @PathParam("to") String to) {
        return history.diff(from, to);
    }

    @POST
    @Path("validate")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Compile rule files (form parts 'files', named by their path under rules/) as a candidate; changes nothing")
    public RulesetReports.Validation validate(@RestForm("files") List<FileUpload> files) {
        return rulesets.validate(RuleFiles.fromUploads(files));
    }

    @POST
    @Path("validate")
    @Consumes(ZIP)
    @Operation(summary = "Compile the rule files of a zip as a candidate; changes nothing")
    public RulesetReports.Validation validateZip(byte[] zip) {
        return rulesets.validate(RuleFiles.fromZip(zip));
    }

    @POST
    @Path("test")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Run scenario files (tests/*.yaml) against a candidate: the rule files sent, or the live ones; changes nothing")
    public RulesetReports.TestRun test(@RestForm("files") List<FileUpload> files) {
        return rulesets.test(RuleFiles.fromUploads(files));
    }

    @POST
    @Path("test")
    @Consumes(ZIP)
    @Operation(summary = "Run the scenario files of a zip against the rule files of the zip (or the live ones)")
    public RulesetReports.TestRun testZip(byte[] zip) {
        return rulesets.test(RuleFiles.fromZip(zip));
    }

    @POST
    @Path("simulate")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Simulate a candidate (the files sent laid over the live rules) on the stored customers beside the live ruleset; answers 202 with the job")
    public Response simulate(@RestForm("files") List<FileUpload> files, @QueryParam("asOf") String asOf,
            @QueryParam("sample") String sample) {
        return accepted(simulations.simulate(RuleFiles.fromUploads(files), Parameters.instant("asOf", asOf, Instant.now()),
                Parameters.integer("sample", sample, 1, SimulationService.MAX_SAMPLE)));
    }

    @POST
    @Path("simulate")
    @Consumes(ZIP)
    @Operation(summary = "Simulate the rule files of a zip, laid over the live rules, on the stored customers; answers 202 with the job")
    public Response simulateZip(byte[] zip, @QueryParam("asOf") String asOf, @QueryParam("sample") String sample) {
        return accepted(simulations.simulate(RuleFiles.fromZip(zip), Parameters.instant("asOf", asOf, Instant.now()),
                Parameters.integer("sample", sample, 1, SimulationService.MAX_SAMPLE)));
    }

    @GET
    @Path("simulations/{id}")
    @Operation(summary = "A simulation's progress (done of total, an estimate of the seconds left) and, once done, its report; waitSeconds (at most 60) waits for the end first")
    public RuleJob.View simulation(@PathParam("id") String id, @QueryParam("waitSeconds") String waitSeconds) {
        RuleJob job = jobs.find(SimulationService.KIND, id).orElseThrow(() -> new UnknownRecordException("id", "simulation", id));
        job.awaitEnd(Parameters.seconds("waitSeconds", waitSeconds, 60));
        return job.view();
    }

    @DELETE
    @Path("simulations/{id}")
    @Operation(summary = "Cancel a simulation: it stops before its next customer")
    public RuleJob.View cancelSimulation(@PathParam("id") String id) {
        return jobs.cancel(SimulationService.KIND, id).map(RuleJob::view)
                .orElseThrow(() -> new UnknownRecordException("id", "simulation", id));
    }

    private static Response accepted(RuleJob job) {
        return Response.accepted(job.view())
                .location(URI.create("/api/rules/" + job.kind() + "s/" + job.id()))
                .build();
    }

    private static String either(String formValue, String queryValue) {
        return formValue != null ? formValue : queryValue;
    }
}
