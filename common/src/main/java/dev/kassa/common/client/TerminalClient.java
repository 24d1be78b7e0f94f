package dev.kassa.common.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.common.api.ApiException;
import dev.kassa.common.api.ErrorCodes;
import dev.kassa.common.auth.TerminalClaims;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Calls to the terminal service behind a breaker; a refused key is an answer, not a failure. */
@ApplicationScoped
public class TerminalClient {

    @RestClient
    TerminalApi api;

    // only an outage counts (see Outages): a refused key is an answer, and a 500 about one key is that
    // caller's failure; neither may open the breaker for the other tenants
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ApiException.class)
    @CircuitBreakerName("terminal-api-key")
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 50, abortOn = ApiException.class)
    public Uni<Optional<TerminalClaims>> terminalForKey(String terminalId, String apiKey) {
        return api.terminalByApiKey(terminalId, apiKey)
                .map(body -> Optional.of(claims(body.path("data"))))
                .onFailure(TerminalClient::isClientError).recoverWithItem(Optional.empty())
                .onFailure(Outages::isAnswer).transform(t -> ApiException.unavailable(ErrorCodes.EXTERNAL_UNAVAILABLE,
                        "The terminal service failed to check the API key: HTTP " + Outages.status(t)));
    }

    static boolean isClientError(Throwable t) {
        return t instanceof WebApplicationException w && w.getResponse() != null
                && w.getResponse().getStatus() >= 400 && w.getResponse().getStatus() < 500;
    }

    /** The terminal's identity and current state, as the terminal service shows it. */
    static TerminalClaims claims(JsonNode t) {
        JsonNode staff = t.path("staff");
        return new TerminalClaims(t.path("terminalId").asText(null), t.path("storeCode").asText(null),
                t.hasNonNull("terminalNo") ? t.get("terminalNo").asInt() : null,
                t.path("status").asText(null), t.path("businessDate").asText(null),
                t.hasNonNull("openCounter") ? t.get("openCounter").asInt() : null,
                t.hasNonNull("businessCounter") ? t.get("businessCounter").asInt() : null,
                staff.path("staffId").asText(null), staff.path("staffName").asText(null));
    }
}
