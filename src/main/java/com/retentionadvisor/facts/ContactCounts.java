package com.retentionadvisor.facts;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.retentionadvisor.contacts.Channel;
import com.retentionadvisor.contacts.Direction;
import com.retentionadvisor.contacts.Purpose;

/**
 * How many contacts a customer had in each window ending at the as-of instant, by direction, channel and purpose.
 * A window of N days holds the contacts of (asOf − N days, asOf]: one exactly N days old is outside it.
 */
public final class ContactCounts {

    /** The windows, in days, that facts are computed for. */
    public static final Set<Integer> WINDOWS = Set.of(7, 30, 90, 365);

    record Key(int windowDays, Direction direction, Channel channel, Purpose purpose) {
    }

    private final Map<Key, Integer> counts;

    private ContactCounts(Map<Key, Integer> counts) {
        this.counts = Map.copyOf(counts);
    }

    public static Builder builder() {
        return new Builder();
    }

    int count(int windowDays, Predicate<Key> which) {
        if (!WINDOWS.contains(windowDays)) {
            throw new IllegalArgumentException("contact counts exist for windows of " + WINDOWS + " days, not " + windowDays);
        }
        return counts.entrySet().stream()
                .filter(e -> e.getKey().windowDays() == windowDays && which.test(e.getKey()))
                .mapToInt(Map.Entry::getValue)
                .sum();
    }

    public static final class Builder {
        private final Map<Key, Integer> counts = new HashMap<>();

        /** Adds contacts to one window only. */
        public Builder add(int windowDays, Direction direction, Channel channel, Purpose purpose, int count) {
            counts.merge(new Key(windowDays, direction, channel, purpose), count, Integer::sum);
            return this;
        }

        /** Adds contacts that happened {@code daysAgo} days before the as-of instant to every window that holds them. */
        public Builder happened(double daysAgo, Direction direction, Channel channel, Purpose purpose, int count) {
            for (int window : WINDOWS) {
                if (daysAgo < window) {
                    add(window, direction, channel, purpose, count);
                }
            }
            return this;
        }

        public ContactCounts build() {
            return new ContactCounts(counts);
        }
    }
}
