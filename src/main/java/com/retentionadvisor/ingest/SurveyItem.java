package com.retentionadvisor.ingest;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.retentionadvisor.problems.FieldProblem;
import com.retentionadvisor.surveys.SurveyFactor;

public record SurveyItem(
        @NotBlank @Size(max = 100) String externalId,
        @NotBlank @Size(max = 100) String customerExternalId,
        @NotNull Instant answeredAt,
        @Min(0) @Max(10) Integer nps,
        @Min(1) @Max(5) Integer csat,
        @Size(max = 5000) String comment,
        @Size(max = 50) List<@Valid SurveyFactor> factors) implements IngestItem, IngestItem.OfCustomer {

    @Override
    public List<FieldProblem> crossFieldProblems() {
        return nps == null && csat == null && (factors == null || factors.isEmpty())
                ? List.of(FieldProblem.ofField("nps", "a survey answer needs an nps, a csat or csi factors"))
                : List.of();
    }
}
