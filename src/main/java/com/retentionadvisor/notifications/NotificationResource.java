package com.retentionadvisor.notifications;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.retentionadvisor.callers.Roles;
import com.retentionadvisor.problems.Parameters;

@Path("/api/notifications")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications", description = "What the CRM is told by webhook, and the managers' daily digests")
public class NotificationResource {

    @Inject
    Outbox outbox;

    @Inject
    DigestDispatch dispatch;

    @Inject
    DigestConfig config;

    @GET
    @Path("outbox")
    @Operation(summary = "Queued webhook events, newest first, with every delivery attempt; filter by status (PENDING, DELIVERED, FAILED), event and key; page from 0, size up to 100 (default 20)")
    public Outbox.OutboxPage outbox(@QueryParam("status") String status, @QueryParam("event") String event,
            @QueryParam("key") String key, @QueryParam("page") String page, @QueryParam("size") String size) {
        Integer pageNumber = Parameters.integer("page", page, 0, 1_000_000);
        Integer pageSize = Parameters.integer("size", size, 1, Outbox.MAX_PAGE_SIZE);
        return outbox.list(Parameters.oneOf("status", status, OutboxStatus.class),
                Parameters.oneOf("event", event, NotificationEvent.class), key == null || key.isBlank() ? null : key.strip(),
                pageNumber == null ? 0 : pageNumber, pageSize == null ? 20 : pageSize);
    }

    @POST
    @Path("digests")
    @Operation(summary = "Queue the daily digest of every manager with something open or new, for the date (default today), as the schedule does; a manager's digest of a date is queued once. 403 where no webhook url is set")
    public DigestDispatch.Summary queueDigests(@QueryParam("date") String date) {
        return dispatch.queueAll(Parameters.date("date", date, LocalDate.now(config.zone())));
    }
}
