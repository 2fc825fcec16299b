package com.retentionadvisor.ingest;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.retentionadvisor.problems.FieldProblem;

public record AssignmentItem(
        @NotBlank @Size(max = 100) String externalId,
        @NotBlank @Size(max = 100) String customerExternalId,
        @NotBlank @Size(max = 100) String managerExternalId,
        @NotNull Instant startsAt,
        Instant endsAt,
        @NotNull Boolean handover) implements IngestItem, IngestItem.OfCustomer, IngestItem.OfManager {

    @Override
    public List<FieldProblem> crossFieldProblems() {
        return FieldProblem.notBefore("endsAt", endsAt, "startsAt", startsAt);
    }
}
