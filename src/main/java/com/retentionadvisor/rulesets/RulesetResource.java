package com.retentionadvisor.rulesets;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.retentionadvisor.callers.Roles;
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
    public RulesetReports.Published publishZip(byte[] zip,
            @Parameter(description = "Whom the version is recorded as published by; by default the caller (the audit log names the caller either way)") @QueryParam("publishedBy") String publishedBy,
            @QueryParam("comment") String comment) {
        return liveRulesets.publish(RuleFiles.fromZip(zip), publishedBy, comment);
    }

    @POST
    @Path("rollback/{version}")
    @Operation(summary = "Make a stored ruleset version live again")
    public RulesetReports.Published rollback(@PathParam("version") String version,
            @Parameter(description = "Whom the rollback is recorded as made by; by default the caller (the audit log names the caller either way)") @QueryParam("rolledBackBy") String rolledBackBy) {
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
    @Operation(summary = "Run the live ruleset's own scenarios (tests/ of the rules folder); changes nothing")
    public RulesetReports.TestRun testLive() {
        return rulesets.test(RuleFiles.none());
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

    private static String either(String formValue, String queryValue) {
        return formValue != null ? formValue : queryValue;
    }
}
