package com.retentionadvisor.recommendations;

import java.util.Set;

/** Where a recommendation is in its life: proposed → accepted → done | dismissed | expired. */
public enum RecommendationStatus {
    PROPOSED, ACCEPTED, DONE, DISMISSED, EXPIRED;

    /** Open: still work to do; a re-evaluation updates it instead of proposing it again. */
    public static final Set<RecommendationStatus> OPEN = Set.of(PROPOSED, ACCEPTED);

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
