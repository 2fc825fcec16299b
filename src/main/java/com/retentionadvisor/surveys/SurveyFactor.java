package com.retentionadvisor.surveys;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One factor of a customer satisfaction index (CSI): its score 1–5 and its weight; the CSI is the weighted mean. */
public record SurveyFactor(
        @NotBlank @Size(max = 100) String factor,
        @NotNull @DecimalMin("1") @DecimalMax("5") BigDecimal score,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000") BigDecimal weight) {
}
