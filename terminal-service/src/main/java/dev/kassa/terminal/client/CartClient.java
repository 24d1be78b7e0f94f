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

import java.time.temporal.ChronoUnit;

/** Counts a terminal session's transactions in the cart service, behind a breaker. */
@ApplicationScoped
public class CartClient {

    /** How many transactions a session made (cancelled ones included) and the last transaction number. */
    public record SessionTransactions(int count, Long lastTransactionNo) {
    }

    @RestClient
    CartApi api;

    @Inject
    Tokens tokens;

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ApiException.class)
    @CircuitBreakerName("cart-transactions")
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 50, abortOn = ApiException.class)
    public Uni<SessionTransactions> sessionTransactions(String tenantId, String storeCode, int terminalNo,
                                                        String businessDate, int openCounter) {
        return api.transactions(tenantId, storeCode, terminalNo, businessDate, openCounter, true, 1,
                        "transaction_no:-1", "Bearer " + tokens.serviceToken("terminal", tenantId))
                .map(CartClient::count)
                .onFailure(Downstream::isClientError).transform(t -> new ApiException(502, TerminalErrors.CART_SERVICE,
                        "The cart refused the transaction count: " + Downstream.reason(t)));
    }

    static SessionTransactions count(JsonNode body) {
        int total = body.path("metadata").path("total").asInt(0);
        JsonNode first = body.path("data").path(0);
        Long last = total > 0 && first.hasNonNull("transactionNo") ? first.get("transactionNo").asLong() : null;
        return new SessionTransactions(total, last);
    }
}
