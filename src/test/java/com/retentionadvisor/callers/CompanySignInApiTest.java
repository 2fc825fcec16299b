package com.retentionadvisor.callers;

import static com.retentionadvisor.Crm.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.retentionadvisor.AsCaller;
import com.retentionadvisor.Crm;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * People signed in with the company's identity provider call the API with its token: a JWT signed by a key of the
 * provider's JWKS, of the configured issuer and audience, with the advisor roles its roles claim maps to. API keys keep
 * working beside it. The provider here is {@link CompanyIdentityProvider}; the tokens are signed by this test.
 */
@QuarkusTest
@TestProfile(CompanySignInApiTest.WithTheCompanysProvider.class)
class CompanySignInApiTest {

    public static class WithTheCompanysProvider implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(CompanyIdentityProvider.class));
        }
    }

    private static PrivateKey signingKey;

    @Inject
    Callers callers;

    @BeforeAll
    static void theProvidersKey() throws Exception {
        signingKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(CompanyIdentityProvider.SIGNING_KEY)));
    }

    /** A token as the provider issues it: Keycloak's realm roles, the advisor as audience, valid for five minutes. */
    private static JwtClaimsBuilder token(String user, String... realmRoles) {
        return Jwt.issuer(CompanyIdentityProvider.ISSUER).upn(user).audience(CompanyIdentityProvider.AUDIENCE)
                .claim("realm_access", Map.of("roles", List.of(realmRoles))).expiresIn(300);
    }

    private static String signed(JwtClaimsBuilder claims) {
        return claims.jws().keyId(CompanyIdentityProvider.KEY_ID).sign(signingKey);
    }

    @Test
    void shouldLetInTheRolesTheProvidersGroupsMapTo() {
        String analyst = signed(token("anna@acme.test", "retention-analysts", "offline_access"));
        given().auth().oauth2(analyst).get("/api/rules").then().statusCode(200);
        given().auth().oauth2(analyst).get("/api/customers/ANY/advice").then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("it needs the role"));
        given().auth().oauth2(signed(token("crm-sync@acme.test", "crm-integrations"))).get("/api/customers/NO-SUCH-CUSTOMER/advice")
                .then().statusCode(404);
        // With a mapping, only the groups it names count: a provider group that happens to be called admin gives nothing.
        given().auth().oauth2(signed(token("bob@acme.test", "admin", "offline_access"))).get("/api/rules").then().statusCode(403);
    }

    @Test
    void shouldTakeTheCallersNameFromTheToken() {
        String analyst = signed(token("anna@acme.test", "retention-analysts"));
        String live = given().auth().oauth2(analyst).get("/api/rules").then().statusCode(200).extract().path("version");
        given().auth().oauth2(analyst).post("/api/rules/rollback/" + live).then().statusCode(200);
        given().auth().oauth2(analyst).get("/api/rules").then().statusCode(200).body("liveBy", equalTo("sso:anna@acme.test"));
    }

    @Test
    void shouldLimitAManagerToTheManagerTheTokenNames() {
        String admin = callers.issueKey(unique("jwt-test-admin"), Roles.ADMIN, null, "CompanySignInApiTest").key();
        String mine = unique("JWT-M");
        String theirs = unique("JWT-M");
        AsCaller.run(admin, () -> Crm.pushAll("managers", List.of(Crm.manager(mine), Crm.manager(theirs))));
        String manager = signed(token("maria@acme.test", "account-managers").claim("manager_id", mine));
        given().auth().oauth2(manager).get("/api/managers/" + mine + "/worklist").then().statusCode(200);
        given().auth().oauth2(manager).get("/api/managers/" + theirs + "/worklist").then().statusCode(404);
    }

    @Test
    void shouldRefuseATokenThatIsExpiredForeignOrForAnotherAudience() throws Exception {
        long past = System.currentTimeMillis() / 1000 - 3600;
        String expired = signed(token("anna@acme.test", "retention-analysts").issuedAt(past - 300).expiresAt(past));
        given().auth().oauth2(expired).get("/api/rules").then().statusCode(401)
                .contentType("application/problem+json").body("detail", equalTo("the token was refused: it has expired"));

        String otherIssuer = signed(token("anna@acme.test", "retention-analysts").issuer("https://evil.example.test"));
        given().auth().oauth2(otherIssuer).get("/api/rules").then().statusCode(401)
                .body("detail", equalTo("the token was refused: it was not issued by " + CompanyIdentityProvider.ISSUER));

        String otherAudience = signed(token("anna@acme.test", "retention-analysts").audience("another-app"));
        given().auth().oauth2(otherAudience).get("/api/rules").then().statusCode(401)
                .body("detail", containsString("not meant for " + CompanyIdentityProvider.AUDIENCE));

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String foreignKey = token("anna@acme.test", "retention-analysts").jws().keyId(CompanyIdentityProvider.KEY_ID)
                .sign(generator.generateKeyPair().getPrivate());
        given().auth().oauth2(foreignKey).get("/api/rules").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("detail", equalTo("the token was refused: it is not signed by one of the provider's keys"));

        // Unsigned, or signed with a shared secret: only the provider's RSA keys are trusted.
        String[] parts = signed(token("anna@acme.test", "retention-analysts")).split("\\.");
        String none = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes()) + "." + parts[1] + ".";
        given().auth().oauth2(none).get("/api/rules").then().statusCode(401);
        String hs256 = token("anna@acme.test", "retention-analysts").signWithSecret("a-secret-anyone-could-have-of-32-bytes!");
        given().auth().oauth2(hs256).get("/api/rules").then().statusCode(401);
    }

    @Test
    void shouldKeepAcceptingApiKeysBesideTheTokens() {
        String key = callers.issueKey(unique("jwt-test-analyst"), Roles.ANALYST, null, "CompanySignInApiTest").key();
        given().auth().oauth2(key).get("/api/rules").then().statusCode(200);
        given().auth().oauth2("ra_" + "x".repeat(43)).get("/api/rules").then().statusCode(401)
                .body("detail", equalTo(com.retentionadvisor.problems.AccessProblems.UNKNOWN_KEY));
    }
}
