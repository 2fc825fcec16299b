package com.retentionadvisor.advice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.retentionadvisor.callers.Roles;
import com.retentionadvisor.customers.CustomerIds;
import com.retentionadvisor.problems.BatchTooLargeException;
import com.retentionadvisor.problems.FieldProblem;
import com.retentionadvisor.problems.InvalidInputException;
import com.retentionadvisor.problems.Parameters;
import com.retentionadvisor.rules.ContactIntent;

/** Advice and contact checks for many customers in one call: what a CRM's nightly sync and a campaign tool need. */
// "/api", like the other resources under /api/customers: RESTEasy Reactive matches the longest class path first.
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Advice")
public class BulkAdviceResource {

    @Inject
    BulkAdviceService bulk;

    @Inject
    CustomerIds customerIds;

    @Inject
    BulkConfig config;

    @Context
    HttpHeaders headers;

    @POST
    @Path("advice/query")
    @RolesAllowed({Roles.CRM, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "The advice of up to 1,000 customers as of one instant, in the order asked; an unknown id is an item with status 404, not a failed call. A read: nothing is stored but one audit entry")
    public AdviceQuery.Answer query(AdviceQuery query) {
        if (query == null) {
            throw InvalidInputException.of(null, "the body must be a JSON object with customerIds (and asOf, if not now)");
        }
        List<String> asked = customers(query.customerIds(), config.maxAdviceCustomers());
        Instant asOf = Parameters.instant("asOf", query.asOf(), Instant.now());
        return bulk.advice(asked, customerIds.visible(asked), asOf, Languages.of(headers));
    }

    @POST
    @Path("contact-checks")
    @RolesAllowed({Roles.CRM, Roles.ADMIN})
    @Operation(summary = "May this contact be made now with each customer of an audience (up to 50,000)? Allowed or refused with the reasons per customer, the customers per refusal rule, and the ids not known. Plans a send: the checks are not counted as contacts nor in the over-contact KPI")
    public AudienceCheck.Answer checkAudience(AudienceCheck check) {
        if (check == null) {
            throw InvalidInputException.of(null, "the body must be a JSON object with channel, purpose and customerIds");
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
        List<String> asked = customers(check.customerIds(), config.maxAudienceCustomers());
        Instant asOf = Parameters.instant("asOf", check.asOf(), Instant.now());
        ContactIntent intent = new ContactIntent(check.channel(), check.purpose(), check.directionOrDefault());
        return bulk.checkAudience(intent, asked, customerIds.visible(asked), asOf, Languages.of(headers));
    }

    /** The ids asked: at least one, at most {@code max}, none blank. */
    private static List<String> customers(List<String> ids, int max) {
        if (ids == null || ids.isEmpty()) {
            throw InvalidInputException.of("customerIds", "name at least one customer");
        }
        if (ids.size() > max) {
            throw new BatchTooLargeException(ids.size(), max);
        }
        List<FieldProblem> blank = new ArrayList<>();
        for (int i = 0; i < ids.size() && blank.size() < 20; i++) {
            if (ids.get(i) == null || ids.get(i).isBlank()) {
                blank.add(FieldProblem.ofField("customerIds[" + i + "]", "must be a customer's external id, not empty"));
            }
        }
        if (!blank.isEmpty()) {
            throw new InvalidInputException(blank);
        }
        return ids;
    }
}
