package com.retentionadvisor.rules;

/** The risk score the rules settle on, with the two sums it comes from. */
public final class RiskScore extends RuleOutcome {

    private final int points;
    private final int signPoints;
    private final int strengthPoints;

    public RiskScore(int points, int signPoints, int strengthPoints) {
        this.points = points;
        this.signPoints = signPoints;
        this.strengthPoints = strengthPoints;
    }

    public int getPoints() {
        return points;
    }

    public int getSignPoints() {
        return signPoints;
    }

    public int getStrengthPoints() {
        return strengthPoints;
    }
}
