package dev.kassa.cart.client;

/**
 * The caller's own credentials, passed on to master data so that it checks the same tenant:
 * a Bearer token, or a terminal's API key with its terminal id.
 */
public record Credentials(String bearerToken, String apiKey, String terminalId) {
}
