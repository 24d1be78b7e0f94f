package dev.kassa.recommendation.grpc;

import dev.kassa.common.api.ApiException;
import dev.kassa.common.auth.ApiKeyVerifier;
import dev.kassa.common.auth.RevokedTokens;
import dev.kassa.common.auth.KassaAuthenticationMechanism;
import dev.kassa.common.event.FailureKind;
import dev.kassa.recommendation.domain.Reason;
import dev.kassa.recommendation.grpc.v1.RecommendRequest;
import dev.kassa.recommendation.grpc.v1.RecommendResponse;
import dev.kassa.recommendation.grpc.v1.RecommendationService;
import dev.kassa.recommendation.service.Recommender;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;

import java.util.List;

/** {@code RecommendationService.Recommend}: what the cart asks while a sale is open. */
@GrpcService
public class RecommendationGrpcService implements RecommendationService {

    @Inject
    Recommender recommender;
    @Inject
    ApiKeyVerifier apiKeys;
    @Inject
    RevokedTokens revoked;

    @Override
    public Uni<RecommendResponse> recommend(RecommendRequest request) {
        String callerTenant = GrpcAuthInterceptor.CALLER_TENANT.get();
        if (callerTenant == null) {
            String apiKey = GrpcAuthInterceptor.API_KEY.get();
            String terminalId = GrpcAuthInterceptor.TERMINAL_ID.get();
            return apiKeys.verify(terminalId, apiKey)
                    .onFailure().transform(e -> Status.UNAVAILABLE
                            .withDescription("The API key cannot be checked now").asRuntimeException())
                    .flatMap(found -> found.isEmpty()
                            ? Uni.createFrom().failure(Status.UNAUTHENTICATED
                                    .withDescription("Invalid API key").asRuntimeException())
                            : answer(request, KassaAuthenticationMechanism.tenantOfTerminal(terminalId)));
        }
        String userTokenId = GrpcAuthInterceptor.USER_TOKEN_ID.get();
        if (userTokenId == null) {
            return answer(request, callerTenant);
        }
        // logged out or deactivated: the same deny-list as the REST API's
        return revoked.isRevoked(userTokenId).flatMap(gone -> gone
                ? Uni.createFrom().failure(Status.UNAUTHENTICATED.withDescription("The token was revoked")
                        .asRuntimeException())
                : answer(request, callerTenant));
    }

    private Uni<RecommendResponse> answer(RecommendRequest request, String callerTenant) {
        int limit;
        try {
            limit = Recommender.check(request.getTenantId(), request.getStoreCode(), request.getItemCodesList(),
                    request.getLimit() == 0 ? null : request.getLimit());
        } catch (ApiException e) {
            return Uni.createFrom().failure(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
        }
        if (!request.getTenantId().equals(callerTenant)) {
            return Uni.createFrom().failure(Status.PERMISSION_DENIED
                    .withDescription("The tenant in the request does not match the caller's tenant").asRuntimeException());
        }
        return recommender.recommend(request.getTenantId(), request.getStoreCode(), request.getItemCodesList(), limit)
                .map(RecommendationGrpcService::response)
                // Redis being away is this service's outage (callers fall back); anything else is a fault
                .onFailure(e -> !(e instanceof StatusRuntimeException)).transform(e -> (FailureKind.of(e)
                        == FailureKind.STORE_UNAVAILABLE ? Status.UNAVAILABLE : Status.INTERNAL)
                        .withDescription("Recommendation failed").asRuntimeException());
    }

    private static RecommendResponse response(List<dev.kassa.recommendation.domain.Recommendation> found) {
        RecommendResponse.Builder b = RecommendResponse.newBuilder();
        for (dev.kassa.recommendation.domain.Recommendation r : found) {
            b.addRecommendations(dev.kassa.recommendation.grpc.v1.Recommendation.newBuilder()
                    .setItemCode(r.itemCode())
                    .setScore(r.score())
                    .setReason(r.reason() == Reason.CO_PURCHASE
                            ? dev.kassa.recommendation.grpc.v1.Reason.CO_PURCHASE
                            : dev.kassa.recommendation.grpc.v1.Reason.POPULAR));
        }
        return b.build();
    }
}
