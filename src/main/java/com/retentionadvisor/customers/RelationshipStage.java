package com.retentionadvisor.customers;

/** Butle's relationship stages (seed 004): where the customer stands with us. */
public enum RelationshipStage {
    AWARENESS, EXPLORATION, EXPANSION, COMMITMENT, DISSOLUTION
}
