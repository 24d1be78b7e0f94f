package dev.kassa.account.service;

import java.time.Duration;

/** What a login (or a refresh) came to. */
public sealed interface LoginOutcome {

    /** A new access token, and the refresh token that gets the next one (once). */
    record Granted(String accessToken, String refreshToken, long expiresInSeconds) implements LoginOutcome {
    }

    /** Wrong username, password or tenant (or a dead refresh token); which one is never told. */
    record Refused() implements LoginOutcome {
    }

    /** Too many failures for this user from this address: refused without checking until {@code retryAfter}. */
    record Throttled(Duration retryAfter) implements LoginOutcome {
    }
}
