package com.retentionadvisor.jobs;

/** How a long walk over the customers reports how far it is, and learns that it should stop. */
public interface Progress {

    void total(int customers);

    void advanced(int customers);

    /** Whether the walk should stop before the next customer. */
    boolean stopped();
}
