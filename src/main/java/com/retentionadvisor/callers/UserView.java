package com.retentionadvisor.callers;

import java.time.Instant;

/** A person as lists show them: never their password. */
public record UserView(String username, String role, String managerExternalId, Instant createdAt, String createdBy,
        Instant disabledAt) {

    static UserView of(AppUser user) {
        return new UserView(user.username, user.role, user.managerExternalId, user.createdAt, user.createdBy, user.disabledAt);
    }
}
