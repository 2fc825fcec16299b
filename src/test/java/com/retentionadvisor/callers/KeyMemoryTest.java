package com.retentionadvisor.callers;

import static com.retentionadvisor.Crm.unique;
import static io.restassured.RestAssured.given;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A key found valid is answered from memory for retention.security.key-cache: a key revoked behind this instance's
 * back (as another instance would, in the database) still works meanwhile, and one revoked here is refused at once.
 */
@QuarkusTest
class KeyMemoryTest {

    @Inject
    Callers callers;

    @Inject
    EntityManager em;

    @Test
    void shouldAnswerAKnownKeyFromMemoryAndForgetItWhenAKeyIsRevokedHere() {
        Callers.IssuedKey analyst = callers.issueKey(unique("memory-analyst"), Roles.ANALYST, null, "KeyMemoryTest");
        String admin = callers.issueKey(unique("memory-admin"), Roles.ADMIN, null, "KeyMemoryTest").key();
        given().auth().oauth2(analyst.key()).get("/api/rules").then().statusCode(200);

        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update api_key set revoked_at = now() where id = :id")
                .setParameter("id", analyst.id()).executeUpdate());
        given().auth().oauth2(analyst.key()).get("/api/rules").then().statusCode(200); // from memory

        // A revocation through this instance makes it forget every key it remembers: the database says no now.
        String other = callers.issueKey(unique("memory-other"), Roles.CRM, null, "KeyMemoryTest").key();
        long otherId = callers.keys().stream().filter(key -> other.startsWith(key.prefix())).findFirst().orElseThrow().id();
        given().auth().oauth2(admin).delete("/api/callers/keys/" + otherId).then().statusCode(200);
        given().auth().oauth2(analyst.key()).get("/api/rules").then().statusCode(401);
    }
}
