package com.retentionadvisor.callers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A company's identity provider as the advisor sees it: an issuer and the JWKS URL where its signing key is published
 * (a JDK HTTP server on a free loopback port, with an RSA key made for this run). The private key is left in
 * {@link #SIGNING_KEY} for the test, which signs its own tokens as the provider would.
 */
public class CompanyIdentityProvider implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "https://idp.example.test/realms/acme";
    public static final String AUDIENCE = "retention-advisor";
    public static final String KEY_ID = "acme-2026";
    public static final Path SIGNING_KEY = Path.of("target", "company-idp", "signing-key.pk8");

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            Files.createDirectories(SIGNING_KEY.getParent());
            Files.write(SIGNING_KEY, keys.getPrivate().getEncoded());
            byte[] jwks = jwks((RSAPublicKey) keys.getPublic()).getBytes(StandardCharsets.UTF_8);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/certs", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                exchange.getResponseBody().write(jwks);
                exchange.close();
            });
            server.start();
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return Map.of(
                "retention.security.jwt.issuer", ISSUER,
                "retention.security.jwt.keys-location", "http://127.0.0.1:" + server.getAddress().getPort() + "/certs",
                "retention.security.jwt.audience", AUDIENCE,
                // Keycloak's place for a realm's roles, and its group names for three of the advisor's roles
                "retention.security.jwt.roles-claim", "realm_access/roles",
                "retention.security.jwt.role-mapping.retention-analysts", Roles.ANALYST,
                "retention.security.jwt.role-mapping.account-managers", Roles.MANAGER,
                "retention.security.jwt.role-mapping.crm-integrations", Roles.CRM);
    }

    private static String jwks(RSAPublicKey key) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + KEY_ID + "\",\"n\":\""
                + url.encodeToString(unsigned(key.getModulus().toByteArray())) + "\",\"e\":\""
                + url.encodeToString(unsigned(key.getPublicExponent().toByteArray())) + "\"}]}";
    }

    private static byte[] unsigned(byte[] twosComplement) {
        return twosComplement.length > 1 && twosComplement[0] == 0
                ? java.util.Arrays.copyOfRange(twosComplement, 1, twosComplement.length) : twosComplement;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
