package dev.kassa.account.service;

import java.time.Duration;

/** What a login attempt came to. */
public sealed interface LoginOutcome {

    record Granted(String accessToken) implements LoginOutcome {
    }

    /** Wrong username, password or tenant; which one is never told. */
    record Refused() implements LoginOutcome {
    }

    /** Too many failures for this user: refused without checking until {@code retryAfter} has passed. */
    record Throttled(Duration retryAfter) implements LoginOutcome {
    }
}
