package com.retentionadvisor.rules;

/** The risk score the rules settle on: the base points, plus the signs' points, less the strengths' points. */
public final class RiskScore extends RuleOutcome {

    private final int points;
    private final int basePoints;
    private final int signPoints;
    private final int strengthPoints;

    public RiskScore(int points, int basePoints, int signPoints, int strengthPoints) {
        this.points = points;
        this.basePoints = basePoints;
        this.signPoints = signPoints;
        this.strengthPoints = strengthPoints;
    }

    public int getPoints() {
        return points;
    }

    public int getBasePoints() {
        return basePoints;
    }

    public int getSignPoints() {
        return signPoints;
    }

    public int getStrengthPoints() {
        return strengthPoints;
    }
}
