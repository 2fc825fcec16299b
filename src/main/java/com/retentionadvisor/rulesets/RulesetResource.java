package com.retentionadvisor.rulesets;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rules", description = "For analysts: the live ruleset, and checking rule files before they go live")
public class RulesetResource {

    private static final String ZIP = "application/zip";

    @Inject
    RulesetService rulesets;

    @GET
    @Operation(summary = "The ruleset serving now: its version, folder and rules")
    public RulesetReports.Live live() {
        return rulesets.live();
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
}
