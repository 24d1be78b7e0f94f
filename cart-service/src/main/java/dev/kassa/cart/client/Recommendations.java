package dev.kassa.cart.client;

import dev.kassa.common.api.ApiException;
import dev.kassa.recommendation.grpc.v1.RecommendRequest;
import dev.kassa.recommendation.grpc.v1.RecommendResponse;
import dev.kassa.recommendation.grpc.v1.RecommendationService;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.GrpcClientUtils;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Recommendations from the recommendation service over gRPC, with the caller's own credentials
 * (so it checks the same tenant). Asked with a deadline ({@code quarkus.grpc.clients.recommendation.deadline})
 * and a slightly longer {@link Timeout}, without retry: a terminal asks again with its next item anyway.
 * <p>
 * As with {@link MasterDataItems}, only failures that say the service itself is away count toward the
 * shared breaker; a refusal or an invalid question becomes an {@link ApiException}, which it skips.
 * The service layer decides the fallback.
 */
@ApplicationScoped
public class Recommendations {

    public record Suggested(String itemCode, double score, String reason) {
    }

    @GrpcClient("recommendation")
    RecommendationService service;

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ApiException.class)
    @CircuitBreakerName("recommendations")
    @Timeout(value = 200, unit = ChronoUnit.MILLIS)
    public Uni<List<Suggested>> recommend(String tenantId, String storeCode, List<String> itemCodes, int limit,
                                          Credentials credentials) {
        Metadata headers = MasterDataItems.headers(credentials);
        RecommendRequest request = RecommendRequest.newBuilder().setTenantId(tenantId).setStoreCode(storeCode)
                .addAllItemCodes(itemCodes).setLimit(limit).build();
        return GrpcClientUtils.attachHeaders(service, headers).recommend(request)
                .map(Recommendations::suggested)
                .onFailure(MasterDataItems::isInvalid).transform(t -> ApiException.validation(
                        "Invalid recommendation request: " + ((StatusRuntimeException) t).getStatus().getDescription()))
                .onFailure(MasterDataItems::isRefused).transform(t -> ApiException.forbidden(
                        "The recommendation service refused the caller: " + ((StatusRuntimeException) t).getStatus().getCode()));
    }

    private static List<Suggested> suggested(RecommendResponse response) {
        return response.getRecommendationsList().stream()
                .map(r -> new Suggested(r.getItemCode(), r.getScore(), switch (r.getReason()) {
                    case CO_PURCHASE -> "co_purchase";
                    default -> "popular";
                }))
                .toList();
    }
}
