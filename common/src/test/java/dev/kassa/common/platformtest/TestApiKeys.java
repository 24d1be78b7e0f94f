package dev.kassa.common.platformtest;

import dev.kassa.common.auth.ApiKeyVerifier;
import dev.kassa.common.auth.TerminalClaims;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** Stands in for the terminal service's key store: one terminal with one key per tenant. */
@ApplicationScoped
public class TestApiKeys implements ApiKeyVerifier {
    public static final String KEY = "test-terminal-key-0123456789abcdefghijklmnop";

    @Override
    public Uni<Optional<TerminalClaims>> verify(String terminalId, String apiKey) {
        boolean ok = KEY.equals(apiKey) && terminalId.endsWith("-S1-1");
        return Uni.createFrom().item(ok ? Optional.of(TerminalClaims.identity(terminalId, "S1", 1)) : Optional.empty());
    }
}
