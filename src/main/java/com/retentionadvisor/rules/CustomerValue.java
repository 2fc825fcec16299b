package com.retentionadvisor.rules;

/** How much the customer is worth to us, as a tier and the weight it gives the customer's actions when ranked. */
public final class CustomerValue extends RuleOutcome {

    private final String tier;
    private final double weight;

    public CustomerValue(String tier, double weight) {
        this.tier = tier;
        this.weight = weight;
    }

    public String getTier() {
        return tier;
    }

    public double getWeight() {
        return weight;
    }
}
