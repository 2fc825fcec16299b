package com.retentionadvisor.ingest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.retentionadvisor.callers.Roles;

/** Bulk, idempotent upserts of what a CRM knows about its customers, keyed by the CRM's external ids. */
@Path("/api")
@RolesAllowed({Roles.CRM, Roles.ADMIN})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ingest", description = "Push CRM records in batches; sending the same batch twice changes nothing")
public class IngestResource {

    @Inject
    BatchIngestService ingest;

    @Inject
    RecordKinds kinds;

    @POST
    @Path("customers/batch")
    @Operation(summary = "Upsert customers; managerExternalId names the current owner, churnedAt when a CHURNED customer churned")
    public BatchResult customers(List<CustomerItem> items) {
        return ingest.ingest(kinds.customers(), items);
    }

    @POST
    @Path("managers/batch")
    @Operation(summary = "Upsert account managers")
    public BatchResult managers(List<ManagerItem> items) {
        return ingest.ingest(kinds.managers(), items);
    }

    @POST
    @Path("assignments/batch")
    @Operation(summary = "Upsert ownership history: who owned which customer when, and whether a handover took place")
    public BatchResult assignments(List<AssignmentItem> items) {
        return ingest.ingest(kinds.assignments(), items);
    }

    @POST
    @Path("people/batch")
    @Operation(summary = "Upsert the people within customers' accounts: role, time zone, consent per channel, unsubscribe")
    public BatchResult people(List<PersonItem> items) {
        return ingest.ingest(kinds.people(), items);
    }

    @POST
    @Path("contacts/batch")
    @Operation(summary = "Upsert contacts (interactions) with channel, direction and purpose; optionally the person and the campaign")
    public BatchResult contacts(List<ContactItem> items) {
        return ingest.ingest(kinds.contacts(), items);
    }

    @POST
    @Path("deals/batch")
    @Operation(summary = "Upsert deals; a WON deal is an order dated by closedAt")
    public BatchResult deals(List<DealItem> items) {
        return ingest.ingest(kinds.deals(), items);
    }

    @POST
    @Path("subscriptions/batch")
    @Operation(summary = "Upsert subscriptions and contracts")
    public BatchResult subscriptions(List<SubscriptionItem> items) {
        return ingest.ingest(kinds.subscriptions(), items);
    }

    @POST
    @Path("surveys/batch")
    @Operation(summary = "Upsert survey answers (NPS 0-10, CSAT 1-5)")
    public BatchResult surveys(List<SurveyItem> items) {
        return ingest.ingest(kinds.surveys(), items);
    }

    @POST
    @Path("email-events/batch")
    @Operation(summary = "Upsert email events (sent, delivered, opened, clicked, unsubscribed) by campaign; optionally the person")
    public BatchResult emailEvents(List<EmailEventItem> items) {
        return ingest.ingest(kinds.emailEvents(), items);
    }

    @POST
    @Path("tickets/batch")
    @Operation(summary = "Upsert support tickets (COMPLAINT, QUESTION, INCIDENT); a ticket without closedAt is open")
    public BatchResult tickets(List<TicketItem> items) {
        return ingest.ingest(kinds.tickets(), items);
    }
}
