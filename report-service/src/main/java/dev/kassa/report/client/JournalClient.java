package dev.kassa.report.client;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.temporal.ChronoUnit;

/**
 * Pushes report texts to the journal behind a breaker. No retry: a second POST could write the
 * journal entry twice, and a lost report text is only a missing copy.
 */
@ApplicationScoped
public class JournalClient {

    @RestClient
    JournalApi api;

    /** The caller's credentials travel along: a service token if this service can sign one, else the terminal's key. */
    public record Credentials(String terminalId, String bearer, String apiKey) {
    }

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS)
    @CircuitBreakerName("journal-push")
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    public Uni<Void> push(JournalEntry entry, Credentials credentials) {
        return api.add(entry.tenantId(), entry.storeCode(), entry.terminalNo(), credentials.terminalId(),
                        credentials.bearer() == null ? null : "Bearer " + credentials.bearer(),
                        credentials.apiKey(), entry)
                .replaceWithVoid();
    }
}
