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

    /** How far back the single outbound contacts are known (each one's age): long enough for weekly and monthly caps. */
    public static final int RECENT_DAYS = 90;

    record Key(int windowDays, Direction direction, Channel channel, Purpose purpose) {
    }

    private final Map<Key, Integer> counts;
    private final List<LoggedContact> recentOutbound;

    private ContactCounts(Map<Key, Integer> counts, List<LoggedContact> recentOutbound) {
        this.counts = Map.copyOf(counts);
        this.recentOutbound = recentOutbound.stream()
                .sorted(Comparator.comparingDouble(LoggedContact::daysAgo).reversed()).toList();
    }

    /** The outbound contacts of the last {@value #RECENT_DAYS} days one by one, oldest first. */
    public List<LoggedContact> recentOutbound() {
        return recentOutbound;
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
        private final List<LoggedContact> recentOutbound = new ArrayList<>();

        /** An outbound contact known one by one (not counted by the windows), if it is of the last {@value #RECENT_DAYS} days. */
        public Builder recentOutbound(LoggedContact contact) {
            if (contact.daysAgo() < RECENT_DAYS) {
                recentOutbound.add(contact);
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
            return happened(daysAgo, direction, channel, purpose, count, null, null);
        }

        /** The same, for contacts of a campaign and with a person within the account (either may be null). */
        public Builder happened(double daysAgo, Direction direction, Channel channel, Purpose purpose, int count,
                                String campaign, String person) {
            for (int window : WINDOWS) {
                if (daysAgo < window) {
                    add(window, direction, channel, purpose, count);
                }
            }
            if (direction == Direction.OUTBOUND) {
                for (int i = 0; i < count; i++) {
                    recentOutbound(new LoggedContact(channel, purpose, campaign, person, daysAgo));
                }
            }
            return this;
        }

        public ContactCounts build() {
            return new ContactCounts(counts, recentOutbound);
        }
    }
}
