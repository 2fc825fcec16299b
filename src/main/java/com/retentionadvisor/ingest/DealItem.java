package com.retentionadvisor.ingest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.retentionadvisor.deals.DealStatus;
import com.retentionadvisor.problems.FieldProblem;

public record DealItem(
        @NotBlank @Size(max = 100) String externalId,
        @NotBlank @Size(max = 100) String customerExternalId,
        @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        @NotNull DealStatus status,
        @NotNull Instant openedAt,
        Instant closedAt,
        @Size(max = 100) String productLine) implements IngestItem, IngestItem.OfCustomer {

    @Override
    public List<FieldProblem> crossFieldProblems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (status != null && status != DealStatus.OPEN && closedAt == null) {
            problems.add(FieldProblem.ofField("closedAt", "is required for a " + status + " deal"));
        }
        problems.addAll(FieldProblem.notBefore("closedAt", closedAt, "openedAt", openedAt));
        return problems;
    }
}
