package com.retentionadvisor.rules;

import com.retentionadvisor.customers.RelationshipStage;

/** The relationship stage the rules settle on: the CRM's when it set one, inferred otherwise. */
public final class StageAssessment extends RuleOutcome {

    private final RelationshipStage stage;

    public StageAssessment(RelationshipStage stage) {
        this.stage = stage;
    }

    public RelationshipStage getStage() {
        return stage;
    }
}
