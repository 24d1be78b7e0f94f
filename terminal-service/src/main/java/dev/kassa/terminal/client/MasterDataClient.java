package dev.kassa.terminal.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.common.api.ApiException;
import dev.kassa.common.auth.Tokens;
import dev.kassa.terminal.domain.TerminalErrors;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Staff and customer-ledger lookups in master data behind breakers; an unknown staff member or customer
 * is an answer, not a failure.
 */
@ApplicationScoped
public class MasterDataClient {

    public record Staff(String id, String name) {
    }

    /** What a customer owes on store credit now (posted sales less repayments). */
    public record Credit(String customerCode, BigDecimal owed) {
    }

    @RestClient
    MasterDataApi api;

    @Inject
    Tokens tokens;

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ApiException.class)
    @CircuitBreakerName("masterdata-staff")
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 50, abortOn = ApiException.class)
    public Uni<Optional<Staff>> staff(String tenantId, String staffId) {
        return api.staff(tenantId, staffId, "Bearer " + tokens.serviceToken("terminal", tenantId))
                .map(body -> Optional.of(staff(body.path("data"), staffId)))
                .onFailure(t -> Downstream.status(t) == 404).recoverWithItem(Optional.empty())
                .onFailure(Downstream::isClientError).transform(t -> new ApiException(502,
                        TerminalErrors.MASTER_DATA_SERVICE, "Master data refused the staff lookup: " + Downstream.reason(t)));
    }

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ApiException.class)
    @CircuitBreakerName("masterdata-ledger")
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 50, abortOn = ApiException.class)
    public Uni<Optional<Credit>> credit(String tenantId, String customerCode) {
        return api.ledger(tenantId, customerCode, "Bearer " + tokens.serviceToken("terminal", tenantId))
                .map(body -> Optional.of(new Credit(customerCode,
                        new BigDecimal(body.path("data").path("creditBalance").asText("0")))))
                .onFailure(t -> Downstream.status(t) == 404).recoverWithItem(Optional.empty())
                .onFailure(Downstream::isClientError).transform(t -> new ApiException(502,
                        TerminalErrors.MASTER_DATA_SERVICE, "Master data refused the ledger lookup: " + Downstream.reason(t)));
    }

    private static Staff staff(JsonNode data, String staffId) {
        return new Staff(data.path("id").asText(staffId), data.path("name").asText(null));
    }
}
