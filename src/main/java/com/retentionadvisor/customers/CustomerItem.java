package com.retentionadvisor.customers;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;

import com.retentionadvisor.ingest.IngestItem;

public record CustomerItem(
        @NotBlank @Size(max = 100) String externalId,
        @NotBlank @Size(max = 300) String name,
        @NotBlank @Size(max = 40) String segment,
        @NotNull Instant createdAt,
        @NotNull CustomerStatus status,
        RelationshipStage stage,
        @Past LocalDate birthday,
        @Size(max = 100) String managerExternalId,
        @Size(max = 100) String referredByExternalId) implements IngestItem, IngestItem.OfManager, IngestItem.OfReferrer {
}
