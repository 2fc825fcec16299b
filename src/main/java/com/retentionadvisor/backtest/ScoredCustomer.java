package com.retentionadvisor.backtest;

import java.util.Set;

import com.retentionadvisor.rules.RiskLevel;

/**
 * One evaluated customer: the risk the rules gave at the cut-off (score, level, the codes of the signs and strengths
 * shown), and whether the outcome followed.
 */
public record ScoredCustomer(String customerId, int score, RiskLevel level, Set<String> signs, Set<String> strengths, boolean positive) {

    public ScoredCustomer {
        signs = Set.copyOf(signs);
        strengths = Set.copyOf(strengths);
    }
}
