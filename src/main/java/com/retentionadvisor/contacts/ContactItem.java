package com.retentionadvisor.contacts;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.retentionadvisor.ingest.IngestItem;

public record ContactItem(
        @NotBlank @Size(max = 100) String externalId,
        @NotBlank @Size(max = 100) String customerExternalId,
        @Size(max = 100) String managerExternalId,
        @NotNull Instant occurredAt,
        @NotNull Channel channel,
        @NotNull Direction direction,
        @NotNull Purpose purpose,
        @Size(max = 500) String outcome) implements IngestItem, IngestItem.OfCustomer, IngestItem.OfManager {
}
