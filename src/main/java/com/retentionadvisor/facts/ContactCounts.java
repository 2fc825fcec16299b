package com.retentionadvisor.facts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
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

    /** How far back the single proactive contacts are known (each one's age): long enough for weekly and monthly caps. */
    public static final int RECENT_DAYS = 90;

    record Key(int windowDays, Direction direction, Channel channel, Purpose purpose) {
    }

    /** One proactive outbound contact of the last {@value #RECENT_DAYS} days: its channel and its age in days. */
    record Recent(Channel channel, double daysAgo) {
    }

    private final Map<Key, Integer> counts;
    private final List<Recent> recentProactive;

    private ContactCounts(Map<Key, Integer> counts, List<Recent> recentProactive) {
        this.counts = Map.copyOf(counts);
        this.recentProactive = List.copyOf(recentProactive);
    }

    /**
     * In how many days a cap of {@code max} proactive contacts over {@code windowDays} days on {@code capChannel} (or
     * ANY) stops binding: when enough of the oldest counted contacts have left the window that fewer than {@code max}
     * remain. Null when the cap is not reached, or its window is longer than the contacts known one by one.
     */
    Double daysUntilBelow(int windowDays, String capChannel, int max) {
        if (windowDays > RECENT_DAYS || max <= 0) {
            return null;
        }
        List<Double> ages = recentProactive.stream()
                .filter(recent -> recent.daysAgo() < windowDays)
                .filter(recent -> ContactWindow.ANY_CHANNEL.equals(capChannel) || recent.channel().name().equals(capChannel))
                .map(Recent::daysAgo)
                .sorted(Comparator.reverseOrder())
                .toList();
        if (ages.size() < max) {
            return null;
        }
        // The oldest leave first: once (counted - max + 1) of them are out, fewer than max remain.
        return windowDays - ages.get(ages.size() - max);
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
        private final List<Recent> recentProactive = new ArrayList<>();

        /** A proactive outbound contact {@code daysAgo} days before the as-of instant, known one by one (not counted by it). */
        public Builder recentProactive(Channel channel, double daysAgo) {
            if (daysAgo < RECENT_DAYS) {
                recentProactive.add(new Recent(channel, daysAgo));
            }
            return this;
        }

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
            if (direction == Direction.OUTBOUND && purpose.isProactive()) {
                for (int i = 0; i < count; i++) {
                    recentProactive(channel, daysAgo);
                }
            }
            return this;
        }

        public ContactCounts build() {
            return new ContactCounts(counts, recentProactive);
        }
    }
}
