package com.retentionadvisor.ingest;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.retentionadvisor.problems.FieldProblem;

public record SubscriptionItem(
        @NotBlank @Size(max = 100) String externalId,
        @NotBlank @Size(max = 100) String customerExternalId,
        @NotBlank @Size(max = 200) String product,
        @NotNull LocalDate startsOn,
        LocalDate endsOn,
        @NotNull Boolean autoRenew,
        @NotNull Boolean annual) implements IngestItem, IngestItem.OfCustomer {

    @Override
    public List<FieldProblem> crossFieldProblems() {
        return FieldProblem.notBefore("endsOn", endsOn, "startsOn", startsOn);
    }
}
