package com.retentionadvisor.advice;

import java.time.Instant;

import com.retentionadvisor.rules.RiskLevel;

/** One point of a customer's risk history: a stored advice's as-of instant, score and level. */
public record RiskPoint(Instant asOf, int riskScore, RiskLevel riskLevel) {
}
