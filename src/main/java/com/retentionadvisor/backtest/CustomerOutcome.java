package com.retentionadvisor.backtest;

/** One customer of the base for a back-test: left out (and why), or evaluated with whether the outcome followed. */
public record CustomerOutcome(String customerId, Exclusion exclusion, boolean positive) {

    public boolean excluded() {
        return exclusion != null;
    }
}
