package com.retentionadvisor.problems;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Writes into the OpenAPI document what the annotations cannot say once for all: the problem body every error answers
 * with (schema Problem, as application/problem+json) and the statuses each API operation can answer with it, and the
 * 202 (with Location) of the operations that start a background job. The statuses follow what the service does:
 * 400 (a parameter or body it cannot read), 401, 403, 429 (the caller's rate, or busy), 500 and 503 on every API
 * operation; 404 where the path names a record, or a batch's items refer to one; 413 and 415 where a body is read; 409 and 422 where the operation can
 * answer them.
 */
public class ProblemResponses implements OASFilter {

    static final String PROBLEM = "Problem";

    /** The operations that answer 202 with the job they started, by path, and where the job is then polled. */
    static final Map<String, String> JOB_STARTS = Map.of(
            "/api/rules/backtest", "/api/rules/backtests/{id}",
            "/api/rules/simulate", "/api/rules/simulations/{id}",
            "/api/rules/calibration", "/api/rules/calibrations/{id}",
            "/api/evaluations", "/api/evaluations/{id}");

    /** Operations that refuse a request the state does not allow (409). */
    static final Set<String> CONFLICTS = Set.of("/api/recommendations/{id}/accept", "/api/recommendations/{id}/done",
            "/api/recommendations/{id}/dismiss", "/api/rules/calibrations/{id}/files", "/api/callers/keys", "/api/callers/users",
            "/api/people/batch");

    /** Operations that compile rule files sent to them (422 when they do not compile, or their scenarios fail). */
    // (validate and test answer 200 with what does not compile or fails: they exist to say so.)
    static final Set<String> COMPILING = Set.of("/api/rules/publish", "/api/rules/simulate", "/api/rules/backtest",
            "/api/rules/calibration");

    /** Paths with a parameter that names no record, so that they never answer 404 (a team is a filter). */
    static final Set<String> NEVER_UNKNOWN = Set.of("/api/teams/{team}/worklist");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.components(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(PROBLEM, problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            item.getOperations().forEach((method, operation) -> document(openAPI, path, method, operation));
        });
    }

    private static void document(OpenAPI openAPI, String path, PathItem.HttpMethod method, Operation operation) {
        if (method == PathItem.HttpMethod.POST && JOB_STARTS.containsKey(path)) {
            acceptsJob(openAPI, JOB_STARTS.get(path), operation);
        }
        problem(operation, "400", "A parameter or the body cannot be read; every problem in errors, nothing written");
        problem(operation, "401", "No caller: send an API key as 'Authorization: Bearer <key>' (or sign in)");
        problem(operation, "403", "The caller's role may not do this (the detail names the role it needs), the feature is switched off here, or a change signed by a session cookie alone lacks the X-Requested-With header (cross-site-request)");
        if (path.contains("{") && !NEVER_UNKNOWN.contains(path)) {
            problem(operation, "404", "The record the path names is not known (or, for a manager, not theirs); for a contact check, also a person the body names who is not one of the customer's people");
        }
        if (path.endsWith("/batch")) {
            problem(operation, "404", "A record the items refer to (a customer, a manager, a person of the customer's account) is not known: push it first; nothing written");
        }
        if (operation.getRequestBody() != null) {
            problem(operation, "413", "The body, or the items or customers in it, are more than one request may carry");
            problem(operation, "415", "The body is of a type this operation does not read");
        }
        if (CONFLICTS.contains(path)) {
            problem(operation, "409", "The state of the record does not allow this now");
        }
        if (COMPILING.contains(path)) {
            problem(operation, "422", "The rule files sent do not compile, or (publish) their scenarios fail; every problem in errors");
        }
        problem(operation, "429", "Too many requests from this caller, or the advisor is busy with the same work; see Retry-After");
        problem(operation, "500", "A fault of the advisor; quote the requestId");
        problem(operation, "503", "The database cannot be reached (database-unavailable), or the live rules ran over their time budget on this customer (rules-over-budget, naming the ruleset version); nothing was written; see Retry-After");
    }

    private static void acceptsJob(OpenAPI openAPI, String pollPath, Operation operation) {
        operation.getResponses().removeAPIResponse("200");
        PathItem poll = openAPI.getPaths().getPathItem(pollPath);
        APIResponse polled = poll == null || poll.getGET() == null ? null : poll.getGET().getResponses().getAPIResponse("200");
        APIResponse accepted = OASFactory.createAPIResponse()
                .description("The job is queued; poll it at Location (" + pollPath + ")")
                .addHeader("Location", OASFactory.createHeader().description("Where to poll the job")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")));
        if (polled != null && polled.getContent() != null) {
            accepted.content(polled.getContent());
        }
        operation.getResponses().addAPIResponse("202", accepted);
    }

    /** Documents the status with the problem body; a response the scanner already wrote (401, 403, …) gets the body. */
    private static void problem(Operation operation, String status, String description) {
        APIResponse response = operation.getResponses().getAPIResponse(status);
        if (response == null) {
            response = OASFactory.createAPIResponse().description(description);
            operation.getResponses().addAPIResponse(status, response);
        }
        response.content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM))));
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldProblem = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One thing wrong: the item of a batch (if any), the field, and what is wrong")
                .addProperty("index", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("field", text)
                .addProperty("message", text)
                .addRequired("message");
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem document, answered as application/problem+json by every error")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")
                        .description("https://retention-advisor.example/problems/<slug>, e.g. invalid-input, unknown-record, forbidden"))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", text)
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldProblem))
                .addProperty("ruleProblems", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref("#/components/schemas/RuleProblem"))
                        .description("For a ruleset turned away (ruleset-rejected): each problem with its place in the rule files"))
                .addProperty("requestId", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("The request's X-Request-Id: quote it when reporting the problem"))
                .addRequired("type").addRequired("title").addRequired("status");
    }
}
