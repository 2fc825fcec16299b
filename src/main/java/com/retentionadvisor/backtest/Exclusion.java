package com.retentionadvisor.backtest;

/** Why a customer is left out of a back-test: there was nothing to judge at the cut-off, or nothing left to lose. */
public enum Exclusion {

    /** The customer came after the cut-off. */
    CREATED_AFTER_CUTOFF,

    /** No contact, deal, survey answer, email or ticket before the cut-off. */
    NO_ACTIVITY_BEFORE_CUTOFF,

    /** Already churned at the cut-off. */
    CHURNED_BY_CUTOFF,

    /** Churned, but nobody recorded when: it may have been before the cut-off. */
    CHURNED_WHEN_UNKNOWN
}
