package com.retentionadvisor.advice;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.retentionadvisor.callers.Roles;
import com.retentionadvisor.problems.FieldProblem;
import com.retentionadvisor.problems.InvalidInputException;
import com.retentionadvisor.problems.Parameters;
import com.retentionadvisor.problems.UnknownRecordException;
import com.retentionadvisor.rules.ContactIntent;
import com.retentionadvisor.customers.VisibleCustomers;
import com.retentionadvisor.problems.Names;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customers", description = "Ask for their churn risk, stage, next best actions and contact permission")
public class CustomerResource {

    @Inject
    AdviceService advice;

    @Inject
    Validator validator;

    @Inject
    VisibleCustomers customers;

    @Context
    HttpHeaders headers;

    @GET
    @Path("customers/{externalId}/advice")
    @RolesAllowed({Roles.CRM, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "The customer's churn risk with its signs, stage, ranked actions and whether a proactive contact is allowed now", description = "A read: nothing is stored but the read in the audit log. The risk history (timeline, the page's trend) holds evaluations only: POST /api/customers/{externalId}/evaluation, the nightly batch, and the evaluations after an ingest.")
    public AdviceView advice(
            @PathParam("externalId") String externalId,
            @Parameter(description = "Evaluate as of this instant (ISO-8601 with offset); default now")
            @QueryParam("asOf") String asOf) {
        customers.require(externalId);
        return advice.adviseOn(externalId, asOf(asOf), locale())
                .orElseThrow(() -> new UnknownRecordException("externalId", "customer", externalId));
    }

    @POST
    @Path("customers/{externalId}/contact-check")
    @RolesAllowed({Roles.CRM, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "May we make this contact now, with the customer or one person of the account? Each refusal names its"
            + " rule, and a cap's count and window; retryAfter is when every refusal lapses. What is never refused is rule data"
            + " (contact-policy/exemptions.drl.csv: inbound, service, transactional, legal notices)")
    public ContactDecision contactCheck(
            @PathParam("externalId") String externalId,
            @QueryParam("asOf") String asOf,
            ContactCheckRequest request) {
        if (request == null) {
            throw InvalidInputException.of(null, "the body must be a JSON object with channel and purpose");
        }
        List<FieldProblem> problems = validator.validate(request).stream()
                .map(FieldProblem::of)
                .toList();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ContactIntent intent = new ContactIntent(request.channel(), request.purpose(), request.directionOrDefault(),
                Names.trimmed(request.campaign()), Names.trimmed(request.person()));
        return advice.checkContact(externalId, intent, asOf(asOf), locale())
                .orElseThrow(() -> new UnknownRecordException("externalId", "customer", externalId));
    }

    private Locale locale() {
        return Languages.of(headers);
    }

    private static Instant asOf(String value) {
        return Parameters.instant("asOf", value, Instant.now());
    }

}
