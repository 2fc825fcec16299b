package com.retentionadvisor.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.retentionadvisor.customers.CustomerStatus;
import com.retentionadvisor.customers.RelationshipStage;
import com.retentionadvisor.customers.TimeZones;
import com.retentionadvisor.problems.FieldProblem;

public record CustomerItem(
        @NotBlank @Size(max = 100) String externalId,
        @NotBlank @Size(max = 300) String name,
        @NotBlank @Size(max = 40) String segment,
        @NotNull Instant createdAt,
        @NotNull CustomerStatus status,
        @Schema(description = "When the customer churned; only with status CHURNED, not in the future. When a CHURNED customer"
                + " comes without it, the first batch that sees the customer change from ACTIVE records its own time")
        @PastOrPresent Instant churnedAt,
        RelationshipStage stage,
        @Past LocalDate birthday,
        @Size(max = 100) String managerExternalId,
        @Size(max = 100) String referredByExternalId,
        @Schema(description = "The customer's IANA time zone, e.g. Europe/Moscow: quiet hours and days are the customer's local ones;"
                + " without it, the advisor's default (retention.contact.default-time-zone)", example = "Europe/Moscow")
        @Size(max = 64) String timeZone) implements IngestItem, IngestItem.OfManager, IngestItem.OfReferrer {

    @Override
    public List<FieldProblem> crossFieldProblems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (churnedAt != null && status == CustomerStatus.ACTIVE) {
            problems.add(FieldProblem.ofField("churnedAt", "is only accepted with status CHURNED"));
        }
        problems.addAll(FieldProblem.notBefore("churnedAt", churnedAt, "createdAt", createdAt));
        if (timeZone != null && !TimeZones.isKnown(timeZone)) {
            problems.add(FieldProblem.ofField("timeZone", "'" + timeZone + "' is not an IANA time zone, e.g. Europe/Moscow or America/New_York"));
        }
        return problems;
    }
}
