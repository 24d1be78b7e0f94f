package dev.kassa.common.auth;

import io.smallrye.mutiny.Uni;

import java.util.Optional;

/**
 * Checks a terminal's API key. The terminal service answers from its own store; every other
 * service asks the terminal service (through a short Redis cache and a circuit breaker).
 */
public interface ApiKeyVerifier {
    /** The terminal's identity when the key belongs to it, empty when it does not. */
    Uni<Optional<TerminalClaims>> verify(String terminalId, String apiKey);
}
