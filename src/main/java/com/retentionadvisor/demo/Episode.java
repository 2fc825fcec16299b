package com.retentionadvisor.demo;

import java.util.Set;

/**
 * Something a demo customer went through before the cut-off, shown at the cut-off by the churn sign of the same code
 * (rules/churn-signs/signs.drl), and how strongly it pushes the customer to leave after it. The back-test on the demo
 * base should find these strengths again from the data alone.
 */
enum Episode {

    // Strong.
    ORDERS_FELL(0.18, 0.6),
    NPS_DETRACTOR(0.18, 0.55),
    OPEN_COMPLAINT(0.15, 0.55),
    // Weak.
    EMAILS_UNOPENED(0.25, 0.15),
    MANAGER_CHANGED_WITHOUT_HANDOVER(0.15, 0.15),
    // None: a handover done properly costs nothing.
    MANAGER_CHANGED(0.15, 0.0);

    /** The chance that a customer leaves for none of these reasons. */
    static final double BASE_CHURN = 0.03;

    /** How many of the customers who were with us before the cut-off went through it. */
    final double prevalence;

    /** The chance that this episode alone makes the customer leave. */
    final double pushesOut;

    Episode(double prevalence, double pushesOut) {
        this.prevalence = prevalence;
        this.pushesOut = pushesOut;
    }

    /** Each episode, and the base, may make the customer leave on its own (a noisy-or): the chance that one does. */
    static double chanceToLeave(Set<Episode> episodes) {
        double stays = 1 - BASE_CHURN;
        for (Episode episode : episodes) {
            stays *= 1 - episode.pushesOut;
        }
        return 1 - stays;
    }
}
