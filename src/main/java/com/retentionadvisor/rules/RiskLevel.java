package com.retentionadvisor.rules;

/** How likely the customer is to leave, from least to most severe. */
public enum RiskLevel {
    LOW, MEDIUM, HIGH, CRITICAL
}
