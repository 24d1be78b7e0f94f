package dev.kassa.account.rest;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The token answer, un-enveloped and snake_case as OAuth2 clients (and Kugel) expect. */
public record LoginResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType) {

    public static LoginResponse bearer(String token) {
        return new LoginResponse(token, "bearer");
    }
}
