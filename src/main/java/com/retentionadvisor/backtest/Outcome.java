package com.retentionadvisor.backtest;

/** What counts as a customer lost within the horizon after the cut-off: the event a back-test checks scores against. */
public enum Outcome {

    /** No won deal closed within the horizon. */
    NO_ORDER,

    /** The customer's churn date falls within the horizon. */
    CHURNED
}
