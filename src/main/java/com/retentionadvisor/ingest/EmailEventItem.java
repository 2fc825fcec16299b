package com.retentionadvisor.ingest;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.retentionadvisor.emails.EmailEventType;

public record EmailEventItem(
        @NotBlank @Size(max = 100) String externalId,
        @NotBlank @Size(max = 100) String customerExternalId,
        @NotNull Instant occurredAt,
        @NotNull EmailEventType type,
        @NotBlank @Size(max = 200) String campaign) implements IngestItem, IngestItem.OfCustomer {
}
