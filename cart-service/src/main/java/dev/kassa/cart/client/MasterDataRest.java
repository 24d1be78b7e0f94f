package dev.kassa.cart.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
 * configured, unknown tenant) is an answer: an empty list, so the cart's defaults apply.
 */
@ApplicationScoped
public class MasterDataRest {

    /** The four lists in one answer (each the envelope's {@code data} array). */
    public record Lists(JsonNode payments, JsonNode taxes, JsonNode promotions, JsonNode settings) {
    }

    @RestClient
    MasterDataApi api;

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
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
                .recoverWithItem(() -> JsonNodeFactory.instance.arrayNode());
    }

    static boolean isClientError(Throwable t) {
        return t instanceof WebApplicationException w && w.getResponse() != null
                && w.getResponse().getStatus() >= 400 && w.getResponse().getStatus() < 500
                && w.getResponse().getStatus() != 401 && w.getResponse().getStatus() != 403;
    }
}
