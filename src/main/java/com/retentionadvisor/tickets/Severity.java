package com.retentionadvisor.tickets;

public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL
}
