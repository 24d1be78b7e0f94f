package dev.kassa.account.service;

import dev.kassa.common.api.ApiException;
import dev.kassa.common.api.ErrorCodes;

import java.time.Duration;

/** 429 in the error envelope; the resource adds the Retry-After header. */
public class TooManyAttempts extends ApiException {
    private final long retryAfterSeconds;

    public TooManyAttempts(Duration wait, String what) {
        this(Math.max(1, (wait.toMillis() + 999) / 1000), what);
    }

    private TooManyAttempts(long seconds, String what) {
        super(429, ErrorCodes.TOO_MANY_ATTEMPTS, what + "; try again in " + seconds + " seconds");
        this.retryAfterSeconds = seconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
