package dev.kassa.report.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * Category names from the master-data service, behind a breaker (a read: one retry is safe). The
 * breaker is shared by all tenants, so a 4xx (one tenant unknown to master data, a refused token) is
 * an answer, "no names", and never counts toward it; only master data failing or not answering does.
 */
@ApplicationScoped
public class MasterDataClient {
    /** The most categories one page of master data gives. */
    static final int PAGE = 1000;

    @RestClient
    MasterDataApi api;

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS)
    @CircuitBreakerName("masterdata-categories")
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 50)
    public Uni<Map<String, String>> categoryNames(String tenantId, String serviceToken) {
        return api.categories(tenantId, PAGE, 1, "Bearer " + serviceToken).map(body -> {
            Map<String, String> names = new HashMap<>();
            for (JsonNode c : body.path("data")) {
                String code = c.path("categoryCode").asText(null);
                String name = c.path("description").asText(null);
                if (code != null && name != null && !name.isBlank()) {
                    names.put(code, name);
                }
            }
            return names;
        }).onFailure(MasterDataClient::isClientError).recoverWithItem(Map.of());
    }

    static boolean isClientError(Throwable t) {
        return t instanceof WebApplicationException w && w.getResponse() != null
                && w.getResponse().getStatus() >= 400 && w.getResponse().getStatus() < 500;
    }
}
