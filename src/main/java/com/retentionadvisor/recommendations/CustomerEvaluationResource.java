package com.retentionadvisor.recommendations;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.retentionadvisor.callers.Roles;
import com.retentionadvisor.advice.AdviceView;
import com.retentionadvisor.problems.UnknownRecordException;
import com.retentionadvisor.customers.VisibleCustomers;

@Path("/api/customers/{externalId}/evaluation")
@RolesAllowed({Roles.MANAGER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluations")
public class CustomerEvaluationResource {

    @Inject
    EvaluationService evaluations;

    @Inject
    VisibleCustomers customers;

    /** One customer's evaluation: the advice, what changed in their recommendations, and the open ones. */
    public record EvaluationView(AdviceView advice, int created, int updated, int expired, List<RecommendationView> open) {
    }

    @POST
    @Operation(summary = "Evaluate the customer now: the advice is stored and its actions become recommendations (an open one is updated, never doubled; what no longer applies expires)")
    public EvaluationView evaluate(@PathParam("externalId") String externalId) {
        customers.require(externalId);
        return evaluations.evaluateToView(externalId)
                .orElseThrow(() -> new UnknownRecordException("externalId", "customer", externalId));
    }
}
