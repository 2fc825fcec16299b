package com.retentionadvisor.advice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.retentionadvisor.callers.Roles;
import com.retentionadvisor.customers.VisibleCustomers;
import com.retentionadvisor.problems.BatchTooLargeException;
import com.retentionadvisor.problems.FieldProblem;
import com.retentionadvisor.problems.InvalidInputException;
import com.retentionadvisor.problems.Parameters;
import com.retentionadvisor.rules.ContactIntent;
import com.retentionadvisor.problems.Names;

/** Advice and contact checks for many customers in one call: what a CRM's nightly sync and a campaign tool need. */
// "/api", like the other resources under /api/customers: RESTEasy Reactive matches the longest class path first.
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Advice")
public class BulkAdviceResource {

    @Inject
    BulkAdviceService bulk;

    @Inject
    VisibleCustomers customers;

    @Inject
    BulkConfig config;

    @Inject
    AdviceExport export;

    static final String NDJSON = "application/x-ndjson";

    @Context
    HttpHeaders headers;

    @POST
    @Path("advice/query")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CRM, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "The advice of up to 1,000 customers as of one instant, in the order asked; an unknown id is an item with status 404, not a failed call. A read: nothing is stored but one audit entry")
    public AdviceQuery.Answer query(AdviceQuery query) {
        if (query == null) {
            throw InvalidInputException.of(null, "the body must be a JSON object with customerIds (and asOf, if not now)");
        }
        List<String> asked = customers(query.customerIds(), config.maxAdviceCustomers());
        Instant asOf = Parameters.instant("asOf", query.asOf(), Instant.now());
        return bulk.advice(asked, customers.idsOf(asked), asOf, Languages.of(headers));
    }

    @POST
    @Path("contact-checks")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CRM, Roles.ADMIN})
    @Operation(summary = "May this contact be made now with each customer of an audience (up to 50,000)? Allowed or refused with the reasons per customer, the customers per refusal rule, and the ids not known. Plans a send: the checks are not counted as contacts nor in the over-contact KPI")
    public AudienceCheck.Answer checkAudience(AudienceCheck check) {
        if (check == null) {
            throw InvalidInputException.of(null, "the body must be a JSON object with channel, purpose and customerIds (or people)");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (check.channel() == null) {
            problems.add(FieldProblem.ofField("channel", "must be given"));
        }
        if (check.purpose() == null) {
            problems.add(FieldProblem.ofField("purpose", "must be given"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!Names.valid(check.campaign(), 200)) {
            throw InvalidInputException.of("campaign", Names.MESSAGE + ", at most 200 characters; leave it out for none");
        }
        Instant asOf = Parameters.instant("asOf", check.asOf(), Instant.now());
        ContactIntent intent = new ContactIntent(check.channel(), check.purpose(), check.directionOrDefault(), Names.trimmed(check.campaign()), null);
        if (check.people() != null) {
            if (check.customerIds() != null) {
                throw InvalidInputException.of("people", "give customerIds or people, not both");
            }
            List<String> people = ids(check.people(), "people", "person", config.maxAudienceCustomers());
            return bulk.checkPeople(intent, people, customers::idsOf, asOf, Languages.of(headers));
        }
        List<String> asked = customers(check.customerIds(), config.maxAudienceCustomers());
        return bulk.checkAudience(intent, asked, customers.idsOf(asked), asOf, Languages.of(headers));
    }

    @GET
    @Path("advice/export")
    @RolesAllowed({Roles.CRM, Roles.ADMIN})
    @Produces(NDJSON)
    @Operation(summary = "The latest stored advice of every customer evaluated since an instant, streamed as NDJSON (one JSON object a line: cursor, customerId, evaluatedAt, advice), oldest evaluation first; a sync that broke off goes on with cursor= the last line's cursor")
    public Response export(
            @Parameter(description = "ISO-8601 instant with an offset: customers evaluated after it; the whole base when left out") @QueryParam("since") String since,
            @Parameter(description = "The cursor of the last line read: go on after it (instead of since)") @QueryParam("cursor") String cursor) {
        if (since != null && cursor != null) {
            throw InvalidInputException.of("cursor", "give since or cursor, not both: a cursor already says where to go on from");
        }
        AdviceExport.Cursor after = cursor != null ? AdviceExport.Cursor.parse(cursor)
                : AdviceExport.Cursor.since(Parameters.instant("since", since, Instant.EPOCH));
        return Response.ok(export.from(after), NDJSON).build();
    }

    /** The ids asked: at least one, at most {@code max}, none blank. */
    private static List<String> customers(List<String> ids, int max) {
        return ids(ids, "customerIds", "customer", max);
    }

    private static List<String> ids(List<String> ids, String field, String what, int max) {
        if (ids == null || ids.isEmpty()) {
            throw InvalidInputException.of(field, "name at least one " + what);
        }
        if (ids.size() > max) {
            throw new BatchTooLargeException(ids.size(), max);
        }
        List<FieldProblem> blank = new ArrayList<>();
        for (int i = 0; i < ids.size() && blank.size() < 20; i++) {
            if (ids.get(i) == null || ids.get(i).isBlank()) {
                blank.add(FieldProblem.ofField(field + "[" + i + "]", "must be a " + what + "'s external id, not empty"));
            }
        }
        if (!blank.isEmpty()) {
            throw new InvalidInputException(blank);
        }
        return ids;
    }
}
