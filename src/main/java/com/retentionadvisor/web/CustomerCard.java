package com.retentionadvisor.web;

import java.util.List;

import com.retentionadvisor.advice.AdviceView;
import com.retentionadvisor.timeline.Timeline;

/**
 * A customer card: who the customer is, the advice now (risk, signs with their evidence, stage, contact), the open
 * recommendations to act on, the risk trend from the stored advices and the newest part of the history.
 */
public record CustomerCard(String customerId, String name, String segment, String managerId, String managerName,
        AdviceView advice, List<WorklistItem> open, RiskTrend trend, List<Timeline.Entry> history) {
}
