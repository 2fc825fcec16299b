package com.retentionadvisor.ingest;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.retentionadvisor.emails.EmailEventType;

public record EmailEventItem(
        @NotBlank @Size(max = 100) String externalId,
        @NotBlank @Size(max = 100) String customerExternalId,
        @NotNull Instant occurredAt,
        @NotNull EmailEventType type,
        @NotBlank @Size(max = 200) String campaign,
        @Schema(description = "The person within the account the email was for (POST /api/people/batch); without it, the account")
        @Size(max = 100) String personExternalId) implements IngestItem, IngestItem.OfCustomer, IngestItem.OfPerson {
}
