package dev.kassa.account.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kassa.account.service.LoginOutcome;

/**
 * The token answer, un-enveloped and snake_case as OAuth2 clients (and Kugel) expect: Kugel's
 * {@code access_token} and {@code token_type}, plus the standard {@code refresh_token} and
 * {@code expires_in} (seconds), which Kugel's clients ignore.
 */
public record LoginResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("refresh_token") String refreshToken,
        @JsonProperty("expires_in") long expiresIn) {

    public static LoginResponse bearer(LoginOutcome.Granted granted) {
        return new LoginResponse(granted.accessToken(), "bearer", granted.refreshToken(), granted.expiresInSeconds());
    }
}
