package com.retentionadvisor.ingest;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.retentionadvisor.problems.FieldProblem;
import com.retentionadvisor.tickets.Severity;
import com.retentionadvisor.tickets.TicketKind;

public record TicketItem(
        @NotBlank @Size(max = 100) String externalId,
        @NotBlank @Size(max = 100) String customerExternalId,
        @NotNull Instant openedAt,
        Instant closedAt,
        @NotNull TicketKind kind,
        @NotNull Severity severity) implements IngestItem, IngestItem.OfCustomer {

    @Override
    public List<FieldProblem> crossFieldProblems() {
        return FieldProblem.notBefore("closedAt", closedAt, "openedAt", openedAt);
    }
}
