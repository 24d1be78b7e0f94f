package dev.kassa.cart.client;

import dev.kassa.masterdata.grpc.v1.ItemDetailRequest;
import dev.kassa.masterdata.grpc.v1.ItemDetailResponse;
import dev.kassa.masterdata.grpc.v1.ItemService;
import dev.kassa.cart.service.ItemCatalog;
import dev.kassa.common.api.ApiException;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.GrpcClientUtils;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Item details from the master-data service over gRPC, behind a breaker. An unknown item is an
 * answer (empty), not a failure; an unreachable service is, and opens the breaker.
 * <p>
 * The breaker is shared by every tenant, so only failures that say master data itself is away may
 * count: UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, a timeout or a connection failure. Any
 * other answer (a refused caller, an invalid argument, an internal error on one item) is turned into
 * an {@link ApiException} inside the guarded call, which the breaker skips and the retry aborts on.
 * Failure classification rather than a breaker per tenant: one tenant cannot produce an outage-class
 * failure by its input (codes are validated before the call, and master data answers bad input with
 * INVALID_ARGUMENT), while a real outage of master data is the same outage for every tenant, and one
 * breaker learns it from all of their traffic at once instead of each tenant failing slowly alone.
 */
@ApplicationScoped
public class MasterDataItems {
    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> API_KEY = Metadata.Key.of("x-api-key", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> TERMINAL_ID =
            Metadata.Key.of("terminal-id", Metadata.ASCII_STRING_MARSHALLER);

    @GrpcClient("masterdata")
    ItemService items;

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ApiException.class)
    @CircuitBreakerName("masterdata-items")
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 50, abortOn = ApiException.class)
    public Uni<Optional<ItemDetail>> item(String tenantId, String storeCode, String itemCode, Credentials credentials) {
        Metadata headers = headers(credentials);
        ItemDetailRequest request = ItemDetailRequest.newBuilder()
                .setTenantId(tenantId).setStoreCode(storeCode).setItemCode(itemCode).build();
        return GrpcClientUtils.attachHeaders(items, headers).getItemDetail(request)
                .map(MasterDataItems::detail)
                .onFailure(MasterDataItems::isNotFound).recoverWithItem(Optional.empty())
                .onFailure(MasterDataItems::isInvalid).transform(t -> ApiException.validation(
                        "Invalid item lookup: " + ((StatusRuntimeException) t).getStatus().getDescription()))
                .onFailure(MasterDataItems::isRefused).transform(t -> ApiException.forbidden(
                        "Master data refused the item lookup: " + ((StatusRuntimeException) t).getStatus().getCode()))
                .onFailure(t -> !isOutage(t)).transform(t -> ApiException.unavailable(ItemCatalog.MASTER_DATA_UNAVAILABLE,
                        "Master data could not answer for item " + itemCode));
    }

    /** The caller's credentials as gRPC metadata, as Kassa's gRPC services read them. */
    static Metadata headers(Credentials credentials) {
        Metadata headers = new Metadata();
        if (credentials.bearerToken() != null) {
            headers.put(AUTHORIZATION, "Bearer " + credentials.bearerToken());
        } else if (credentials.apiKey() != null) {
            headers.put(API_KEY, credentials.apiKey());
            headers.put(TERMINAL_ID, credentials.terminalId());
        }
        return headers;
    }

    /** Failures of master data as a whole: only these count toward the breaker. */
    static boolean isOutage(Throwable t) {
        if (t instanceof StatusRuntimeException s) {
            return switch (s.getStatus().getCode()) {
                case UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED -> true;
                default -> false;
            };
        }
        return true; // a connection failure or a timeout below gRPC
    }

    static boolean isInvalid(Throwable t) {
        return t instanceof StatusRuntimeException s && s.getStatus().getCode() == Status.Code.INVALID_ARGUMENT;
    }

    /** The caller may not read this tenant's items: the request's fault, not master data's. */
    static boolean isRefused(Throwable t) {
        return t instanceof StatusRuntimeException s && switch (s.getStatus().getCode()) {
            case UNAUTHENTICATED, PERMISSION_DENIED -> true;
            default -> false;
        };
    }

    static boolean isNotFound(Throwable t) {
        return t instanceof StatusRuntimeException s && s.getStatus().getCode() == Status.Code.NOT_FOUND;
    }

    private static Optional<ItemDetail> detail(ItemDetailResponse r) {
        if (!r.getFound()) {
            return Optional.empty();
        }
        return Optional.of(new ItemDetail(r.getItemCode(), r.getItemName(), decimal(r.getUnitPrice()),
                r.hasStorePrice() ? decimal(r.getStorePrice()) : null, r.getCategoryCode(), r.getTaxCode(),
                r.getIsDiscountRestricted(), r.getImageUrlsList()));
    }

    private static BigDecimal decimal(String s) {
        return s == null || s.isBlank() ? null : new BigDecimal(s);
    }
}
