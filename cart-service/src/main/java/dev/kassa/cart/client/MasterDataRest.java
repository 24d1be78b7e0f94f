package dev.kassa.cart.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.kassa.common.api.ApiException;
import dev.kassa.common.api.ErrorCodes;
import dev.kassa.common.client.Outages;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.temporal.ChronoUnit;

/**
 * The master-data lists the cart needs besides items, behind one breaker. A 4xx (nothing
 * configured, unknown tenant) is an answer: an empty list, so the cart's defaults apply; refused
 * credentials and other answers about this request are the caller's failure and never count
 * toward the breaker (see {@link Outages}).
 */
@ApplicationScoped
public class MasterDataRest {

    /** The four lists in one answer (each the envelope's {@code data} array). */
    public record Lists(JsonNode payments, JsonNode taxes, JsonNode promotions, JsonNode settings) {
    }

    @RestClient
    MasterDataApi api;

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ApiException.class)
    @CircuitBreakerName("masterdata-rest")
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    public Uni<Lists> lists(String tenantId, Credentials c) {
        String auth = c.bearerToken() == null ? null : "Bearer " + c.bearerToken();
        String key = c.bearerToken() == null ? c.apiKey() : null;
        String terminalId = key == null ? null : c.terminalId();
        Uni<JsonNode> payments = data(api.payments(tenantId, 100, terminalId, auth, key));
        Uni<JsonNode> taxes = data(api.taxes(tenantId, terminalId, auth, key));
        Uni<JsonNode> promotions = data(api.promotions(tenantId, 100, terminalId, auth, key));
        Uni<JsonNode> settings = data(api.settings(tenantId, 100, terminalId, auth, key));
        return Uni.combine().all().unis(payments, taxes, promotions, settings).asTuple()
                .map(t -> new Lists(t.getItem1(), t.getItem2(), t.getItem3(), t.getItem4()));
    }

    private static Uni<JsonNode> data(Uni<JsonNode> call) {
        return call.map(body -> body.path("data").isArray() ? body.path("data")
                        : (JsonNode) JsonNodeFactory.instance.arrayNode())
                .onFailure(MasterDataRest::isClientError)
                .recoverWithItem(() -> JsonNodeFactory.instance.arrayNode())
                // refused credentials or a 500 about this request: this caller's answer, not an outage
                .onFailure(Outages::isAnswer).transform(MasterDataRest::refusal);
    }

    private static ApiException refusal(Throwable t) {
        int status = Outages.status(t);
        String message = "Master data refused the configuration lookup: HTTP " + status;
        return status == 401 || status == 403 ? ApiException.forbidden(message)
                : ApiException.unavailable(ErrorCodes.EXTERNAL_UNAVAILABLE, message);
    }

    static boolean isClientError(Throwable t) {
        return t instanceof WebApplicationException w && w.getResponse() != null
                && w.getResponse().getStatus() >= 400 && w.getResponse().getStatus() < 500
                && w.getResponse().getStatus() != 401 && w.getResponse().getStatus() != 403;
    }
}
