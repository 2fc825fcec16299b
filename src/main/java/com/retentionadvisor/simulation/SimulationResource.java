package com.retentionadvisor.simulation;

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
import com.retentionadvisor.jobs.JobEndpoints;
import com.retentionadvisor.jobs.RuleJob;
import com.retentionadvisor.problems.Parameters;
import com.retentionadvisor.rulesets.RuleFiles;

@Path("/api/rules")
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rules")
public class SimulationResource {

    private static final String ZIP = "application/zip";
    private static final String SIMULATIONS = "/api/rules/simulations";

    @Inject
    SimulationService simulations;

    @Inject
    JobEndpoints jobs;

    @POST
    @Path("simulate")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Simulate a candidate (the files sent laid over the live rules) on the stored customers beside the live ruleset; answers 202 with the job")
    public Response simulate(@RestForm("files") List<FileUpload> files, @QueryParam("asOf") String asOf,
            @QueryParam("sample") String sample) {
        return jobs.accepted(simulations.simulate(RuleFiles.fromUploads(files), asOf(asOf), sample(sample)), SIMULATIONS);
    }

    @POST
    @Path("simulate")
    @Consumes(ZIP)
    @Operation(summary = "Simulate the rule files of a zip, laid over the live rules, on the stored customers; answers 202 with the job")
    public Response simulateZip(byte[] zip, @QueryParam("asOf") String asOf, @QueryParam("sample") String sample) {
        return jobs.accepted(simulations.simulate(RuleFiles.fromZip(zip), asOf(asOf), sample(sample)), SIMULATIONS);
    }

    @GET
    @Path("simulations/{id}")
    @Operation(summary = "A simulation's progress (done of total, an estimate of the seconds left) and, once done, its report; waitSeconds (at most 60) waits for the end first")
    public RuleJob.View simulation(@PathParam("id") String id, @QueryParam("waitSeconds") String waitSeconds) {
        return jobs.poll(SimulationService.KIND, id, waitSeconds, "simulation");
    }

    @DELETE
    @Path("simulations/{id}")
    @Operation(summary = "Cancel a simulation: it stops before its next customer")
    public RuleJob.View cancelSimulation(@PathParam("id") String id) {
        return jobs.cancel(SimulationService.KIND, id, "simulation");
    }

    private static Instant asOf(String asOf) {
        return Parameters.instant("asOf", asOf, Instant.now());
    }

    private static Integer sample(String sample) {
        return Parameters.integer("sample", sample, 1, SimulationService.MAX_SAMPLE);
    }
}
