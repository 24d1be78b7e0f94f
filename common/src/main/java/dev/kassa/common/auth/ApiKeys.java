package dev.kassa.common.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Terminal API keys: 32 random bytes, URL-safe Base64 (43 characters, as Kugel's). Stored and
 * cached only as SHA-256: the key has 256 bits of entropy, so a fast hash is safe and lets the
 * check be one indexed lookup.
 */
public final class ApiKeys {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String apiKey) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(apiKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How a key is shown after creation: the first four characters, the rest masked. */
    public static String mask(String apiKeyOrPrefix) {
        String prefix = apiKeyOrPrefix.length() <= 4 ? apiKeyOrPrefix : apiKeyOrPrefix.substring(0, 4);
        return prefix + "*".repeat(39);
    }

    /**
     * The Redis key under which services cache a terminal's verified key hash and state; the
     * terminal service deletes it on every change of the key or the state.
     */
    public static String cacheKey(String terminalId) {
        return "kassa:apikey:" + terminalId;
    }
}
