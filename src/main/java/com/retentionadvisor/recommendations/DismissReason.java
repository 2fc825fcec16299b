package com.retentionadvisor.recommendations;

/** Why a manager dismissed a recommendation; OTHER needs a note. */
public enum DismissReason {
    NOT_RELEVANT, ALREADY_DONE, CUSTOMER_ASKED_NOT_TO, WRONG_TIMING, NO_CAPACITY, OTHER
}
