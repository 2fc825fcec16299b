package com.retentionadvisor.callers;

import java.time.Instant;

/** A key as lists show it: never the key itself, only its first characters. */
public record KeyView(long id, String name, String role, String managerExternalId, String prefix, Instant createdAt,
        String createdBy, Instant revokedAt, Instant lastUsedAt) {

    static KeyView of(ApiKey key) {
        return new KeyView(key.id, key.name, key.role, key.managerExternalId, key.prefix, key.createdAt, key.createdBy,
                key.revokedAt, key.lastUsedAt);
    }
}
