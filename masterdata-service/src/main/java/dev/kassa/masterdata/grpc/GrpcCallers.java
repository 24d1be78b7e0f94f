package dev.kassa.masterdata.grpc;

import dev.kassa.common.api.ApiException;
import dev.kassa.common.auth.ApiKeyVerifier;
import dev.kassa.common.auth.RevokedTokens;
import dev.kassa.common.auth.KassaAuthenticationMechanism;
import dev.kassa.common.event.FailureKind;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The tenant of a gRPC caller (see {@link GrpcAuthInterceptor}) and the mapping of failures to statuses. */
@ApplicationScoped
public class GrpcCallers {

    @Inject
    ApiKeyVerifier apiKeys;
    @Inject
    RevokedTokens revoked;

    /**
     * The caller's tenant: from its token (a user's unless revoked), or from its terminal once the API key
     * is verified.
     */
    public Uni<String> tenant() {
        String callerTenant = GrpcAuthInterceptor.CALLER_TENANT.get();
        if (callerTenant != null) {
            String userTokenId = GrpcAuthInterceptor.USER_TOKEN_ID.get();
            if (userTokenId == null) {
                return Uni.createFrom().item(callerTenant);
            }
            // logged out or deactivated: the same deny-list as the REST API's
            return revoked.isRevoked(userTokenId).map(gone -> {
                if (gone) {
                    throw Status.UNAUTHENTICATED.withDescription("The token was revoked").asRuntimeException();
                }
                return callerTenant;
            });
        }
        String apiKey = GrpcAuthInterceptor.API_KEY.get();
        String terminalId = GrpcAuthInterceptor.TERMINAL_ID.get();
        return apiKeys.verify(terminalId, apiKey)
                .onFailure().transform(e -> Status.UNAVAILABLE
                        .withDescription("The API key cannot be checked now").asRuntimeException())
                .map(found -> {
                    if (found.isEmpty()) {
                        throw Status.UNAUTHENTICATED.withDescription("Invalid API key").asRuntimeException();
                    }
                    return KassaAuthenticationMechanism.tenantOfTerminal(terminalId);
                });
    }

    /** An {@link ApiException} as its gRPC status; the store being away as UNAVAILABLE (callers' breakers count it). */
    public static Throwable status(Throwable e) {
        if (e instanceof StatusRuntimeException) {
            return e;
        }
        if (e instanceof ApiException api) {
            Status status = switch (api.status()) {
                case 404 -> Status.NOT_FOUND;
                case 409 -> Status.FAILED_PRECONDITION;
                case 400, 422 -> api.errorCode().startsWith("4053") ? Status.FAILED_PRECONDITION
                        : Status.INVALID_ARGUMENT;
                case 401 -> Status.UNAUTHENTICATED;
                case 403 -> Status.PERMISSION_DENIED;
                case 503 -> Status.UNAVAILABLE;
                default -> Status.INTERNAL;
            };
            return status.withDescription(api.getMessage()).asRuntimeException();
        }
        return (FailureKind.of(e) == FailureKind.STORE_UNAVAILABLE ? Status.UNAVAILABLE : Status.INTERNAL)
                .withDescription("Ledger call failed").asRuntimeException();
    }
}
