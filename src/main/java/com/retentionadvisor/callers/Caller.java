package com.retentionadvisor.callers;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/**
 * Who is calling, once their key or password checked out: the name the audit log shows ("key:" and the key's name for
 * a machine, the username for a person), the one role, and for a manager the manager whose customers they see.
 */
public record Caller(String name, String role, String managerExternalId) {

    static Caller of(ApiKey key) {
        return new Caller("key:" + key.name, key.role, key.managerExternalId);
    }

    static Caller of(AppUser user) {
        return new Caller(user.username, user.role, user.managerExternalId);
    }

    SecurityIdentity identity() {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(name))
                .addRole(role);
        if (managerExternalId != null) {
            identity.addAttribute(CallerScope.MANAGER_ATTRIBUTE, managerExternalId);
        }
        return identity.build();
    }
}
