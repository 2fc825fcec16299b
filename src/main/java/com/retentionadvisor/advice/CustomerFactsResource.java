package com.retentionadvisor.advice;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.retentionadvisor.callers.Roles;
import com.retentionadvisor.contacts.Channel;
import com.retentionadvisor.contacts.Direction;
import com.retentionadvisor.contacts.Purpose;
import com.retentionadvisor.problems.InvalidInputException;
import com.retentionadvisor.problems.Names;
import com.retentionadvisor.problems.Parameters;
import com.retentionadvisor.problems.UnknownRecordException;
import com.retentionadvisor.rules.ContactIntent;

/** For analysts: a customer's facts beside the live rules, each rule with whether it fired. */
@Path("/api/customers/{externalId}/facts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
@Tag(name = "Rules", description = "Check, test, simulate, back-test and publish rule changes")
public class CustomerFactsResource {

    @Inject
    FactsExplanation explanation;

    @GET
    @Operation(summary = "A customer's facts beside the rules: every fact with its value and the rules that read it, every rule with what it reads and whether it fired",
            description = "Evaluates the live ruleset as an advice does (any proactive contact), or as a contact check does when channel and purpose are given; stores nothing but the read in the audit log.")
    public FactsExplanation.View facts(
            @PathParam("externalId") String externalId,
            @Parameter(description = "Evaluate as of this instant (ISO-8601 with offset); default now") @QueryParam("asOf") String asOf,
            @Parameter(description = "The channel of a contact to check (with purpose), e.g. EMAIL") @QueryParam("channel") String channel,
            @Parameter(description = "The purpose of a contact to check (with channel), e.g. SALES") @QueryParam("purpose") String purpose,
            @Parameter(description = "The direction of that contact; default OUTBOUND") @QueryParam("direction") String direction,
            @Parameter(description = "The campaign or message type of that contact, e.g. spring-renewal") @QueryParam("campaign") String campaign,
            @Parameter(description = "The person of the customer's account that contact is for (their consent, time zone and caps)") @QueryParam("person") String person) {
        Instant at = Parameters.instant("asOf", asOf, Instant.now());
        Channel onChannel = Parameters.oneOf("channel", channel, Channel.class);
        Purpose forPurpose = Parameters.oneOf("purpose", purpose, Purpose.class);
        Direction inDirection = Parameters.oneOf("direction", direction, Direction.class);
        if ((onChannel == null) != (forPurpose == null)) {
            throw InvalidInputException.of(onChannel == null ? "channel" : "purpose",
                    "give channel and purpose together to see a contact check, or neither to see an advice");
        }
        if (onChannel == null && (campaign != null || person != null)) {
            throw InvalidInputException.of(campaign != null ? "campaign" : "person",
                    "a campaign or a person belongs to a contact check: give channel and purpose too");
        }
        if (!Names.valid(campaign, 200) || !Names.valid(person, 100)) {
            throw InvalidInputException.of(Names.valid(campaign, 200) ? "person" : "campaign", Names.MESSAGE);
        }
        ContactIntent intent = onChannel == null ? ContactIntent.anyProactiveContact()
                : new ContactIntent(onChannel, forPurpose, inDirection == null ? Direction.OUTBOUND : inDirection,
                        Names.trimmed(campaign), Names.trimmed(person));
        return explanation.explain(externalId, at, intent)
                .orElseThrow(() -> new UnknownRecordException("externalId", "customer", externalId));
    }
}
