package dev.kassa.common.test;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tokens for tests, signed with the test keys every service trusts in the test profile (or, to
 * prove a refusal, with a key nobody trusts).
 */
public final class TestTokens {
    /** What the test profile (the defaults) expects of every token. */
    public static final String ISSUER = "kassa";
    public static final String AUDIENCE = "kassa";
    private static final PrivateKey TEST_KEY = load();

    private TestTokens() {
    }

    private static PrivateKey load() {
        try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream("test-keys/private.pem")) {
            return KeyUtils.decodePrivateKey(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the test keys", e);
        }
    }

    /** A user token: a superuser is an owner, anyone else a manager (the back office's everyday rights). */
    public static String user(String tenantId, String username, boolean superuser) {
        return sign(userClaims(tenantId, username, superuser), username, Duration.ofMinutes(30),
                TEST_KEY);
    }

    /** A user token of a non-superuser with exactly these roles ({@code owner|manager|cashier|viewer}). */
    public static String withRoles(String tenantId, String username, String... roles) {
        return sign(Map.of("tenant_id", tenantId, "is_superuser", false, "roles", List.of(roles)), username,
                Duration.ofMinutes(30), TEST_KEY);
    }

    public static String expiredUser(String tenantId, String username) {
        return sign(userClaims(tenantId, username, true), username, Duration.ofHours(-2),
                TEST_KEY);
    }

    public static String userSignedByStranger(String tenantId, String username) {
        try {
            KeyPair stranger = KeyUtils.generateKeyPair(2048);
            return sign(userClaims(tenantId, username, true), username, Duration.ofMinutes(30),
                    stranger.getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A terminal JWT as the terminal service issues it; {@code extra} adds or overrides claims. */
    public static String terminal(String tenantId, String storeCode, int terminalNo, Map<String, Object> extra) {
        String terminalId = tenantId + "-" + storeCode + "-" + terminalNo;
        Map<String, Object> claims = new HashMap<>();
        claims.put("token_type", "terminal");
        claims.put("tenant_id", tenantId);
        claims.put("store_code", storeCode);
        claims.put("terminal_no", terminalNo);
        claims.put("terminal_id", terminalId);
        claims.put("status", "Opened");
        claims.putAll(extra);
        return sign(claims, "terminal:" + terminalId, Duration.ofHours(24), TEST_KEY);
    }

    public static String service(String service, String tenantId) {
        return sign(Map.of("tenant_id", tenantId, "service", service, "is_service_account", true,
                "is_superuser", false), "service:" + service, Duration.ofMinutes(5), TEST_KEY);
    }

    private static Map<String, Object> userClaims(String tenantId, String username, boolean superuser) {
        return Map.of("tenant_id", tenantId, "is_superuser", superuser,
                "roles", superuser ? List.of("owner") : List.of("manager"));
    }

    private static String sign(Map<String, Object> claims, String subject, Duration lifetime, PrivateKey key) {
        long now = System.currentTimeMillis() / 1000;
        return signed(claims, ISSUER, AUDIENCE, subject, now, now + lifetime.toSeconds(), key);
    }

    /** A user token with every time and origin field chosen, signed with the trusted test key. */
    public static String user(String tenantId, String username, String issuer, String audience, long issuedAt,
                              long expiresAt) {
        return signed(userClaims(tenantId, username, true), issuer, audience, username, issuedAt, expiresAt, TEST_KEY);
    }

    private static String signed(Map<String, Object> claims, String issuer, String audience, String subject,
                                 long issuedAt, long expiresAt, PrivateKey key) {
        return Jwt.claims(claims).issuer(issuer).audience(audience).subject(subject).issuedAt(issuedAt)
                .expiresAt(expiresAt).jws().sign(key);
    }

    /** The {@code jti} of a token (to revoke it, as a logout would). */
    public static String tokenId(String jwt) {
        try {
            byte[] payload = java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]);
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(payload).path("jti").asText(null);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
