package com.retentionadvisor.recommendations;

import java.util.List;

import com.retentionadvisor.advice.AdviceView;
import com.retentionadvisor.customers.Customer;
import com.retentionadvisor.rules.RiskLevel;

/** A customer was evaluated: the risk level before (null when never evaluated), the advice, the new recommendations. */
public record CustomerEvaluated(Customer customer, RiskLevel levelBefore, AdviceView advice, List<Recommendation> created) {
}
