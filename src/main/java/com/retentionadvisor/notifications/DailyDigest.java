package com.retentionadvisor.notifications;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.retentionadvisor.rules.RiskLevel;

/**
 * A manager's daily digest, as the DAILY_DIGEST webhook carries it: their most urgent open recommendations (top, of
 * openTotal), the open ones proposed yesterday (newSinceYesterday, of newTotal; both lists as long as
 * retention.digest.top), the customers whose risk level rose yesterday, and the e-mail body that says the same.
 */
public record DailyDigest(NotificationEvent event, Instant occurredAt, LocalDate date, String language, Manager manager,
        long openTotal, List<Item> top, long newTotal, List<Item> newSinceYesterday, List<LevelRise> levelRises, Email email) {

    public record Manager(String id, String name, String email) {
    }

    /** An open recommendation of the manager's; dueOn is the day it is due, in the digest's zone. */
    @Schema(name = "DigestItem")
    public record Item(long recommendationId, String customerId, String customerName, String actionCode, String title,
            int priority, int rank, String reason, String riskLevel, LocalDate dueOn) {
    }

    /** A customer of the manager's whose risk level rose on the day before the digest (the last rise of that day). */
    public record LevelRise(String customerId, String customerName, RiskLevel levelBefore, RiskLevel level, Instant at) {
    }

    public record Email(String to, String subject, String html) {
    }

    /** Whether there is anything to tell: no digest is queued for a manager with nothing open and no news. */
    public boolean hasNothingToTell() {
        return openTotal == 0 && newTotal == 0 && levelRises.isEmpty();
    }
}
