package dev.kassa.common.auth;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class VerifiedTokensTest {
    private static final Caller CALLER = new Caller(CallerKind.USER, "T1", "admin", true, Set.of(), null, false);

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    @Test
    void aVerifiedTokenIsKnownUntilItExpires() {
        VerifiedTokens tokens = new VerifiedTokens(10);
        tokens.put("a", CALLER, now() + 60);
        tokens.put("b", CALLER, now() - 1);
        assertEquals(CALLER, tokens.get("a"));
        assertNull(tokens.get("b"), "an expired token must be verified again, and then refused");
        assertNull(tokens.get("never-seen"));
    }

    @Test
    void aTokenWithoutExpiryIsNotKept() {
        VerifiedTokens tokens = new VerifiedTokens(10);
        tokens.put("a", CALLER, 0);
        assertNull(tokens.get("a"));
    }

    @Test
    void itStaysBounded() {
        VerifiedTokens tokens = new VerifiedTokens(3);
        for (int i = 0; i < 3; i++) {
            tokens.put("t" + i, CALLER, now() + 60);
        }
        tokens.put("t3", CALLER, now() + 60);
        assertNull(tokens.get("t0"));
        assertEquals(CALLER, tokens.get("t3"));
    }
}
