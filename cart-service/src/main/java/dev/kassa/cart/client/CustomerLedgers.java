package dev.kassa.cart.client;

import dev.kassa.cart.domain.CartErrors;
import dev.kassa.common.api.ApiException;
import dev.kassa.masterdata.grpc.v1.CustomerLedger;
import dev.kassa.masterdata.grpc.v1.CustomerRequest;
import dev.kassa.masterdata.grpc.v1.ReservationReply;
import dev.kassa.masterdata.grpc.v1.ReservationRequest;
import dev.kassa.masterdata.grpc.v1.ReserveRequest;
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
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.Timeout;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;

/**
 * Holds on a customer's credit and points in master data ({@code CustomerLedger} over gRPC, client
 * {@code ledger}), with the caller's own credentials, each call behind its breaker (one name per method).
 * <p>
 * As with {@link MasterDataItems}, only failures that say the ledger service is away count toward
 * the breaker (UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, a timeout, a dropped connection);
 * an answer about this customer or request becomes an {@link ApiException}, which it skips:
 * FAILED_PRECONDITION (over the limit, not enough points, customer erased, hold expired) is 400 /
 * 403008, NOT_FOUND (unknown customer) 404, INVALID_ARGUMENT 422, a refused caller 403. An outage is
 * 503 / 601002, also while the breaker is open. No retry: a Reserve whose answer was lost may have
 * taken a hold, which then expires (master data's reservation TTL) rather than being taken twice;
 * the customer look-up, a read, retries once.
 */
@ApplicationScoped
public class CustomerLedgers {

    public record Hold(String reservationId, String status) {
    }

    /** A customer as the ledger answers a look-up; {@code erased} ones are answered too. */
    public record Found(String customerCode, String name, String loyaltyTier, boolean erased,
                        BigDecimal pointsAvailable, BigDecimal creditAvailable) {
    }

    @GrpcClient("ledger")
    CustomerLedger ledger;

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ApiException.class)
    @CircuitBreakerName("customer-ledger-reserve")
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    public Uni<Hold> reserve(String tenantId, String customerCode, String ledgerName, BigDecimal amount, String cartId,
                             String storeCode, int terminalNo, Credentials credentials) {
        ReserveRequest request = ReserveRequest.newBuilder().setTenantId(tenantId).setCustomerCode(customerCode)
                .setLedger(ledgerName).setAmount(amount.toPlainString()).setCartId(cartId).setStoreCode(storeCode)
                .setTerminalNo(terminalNo).build();
        return answered(client(credentials).reserve(request), "The " + ledgerName + " of customer " + customerCode);
    }

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ApiException.class)
    @CircuitBreakerName("customer-ledger-confirm")
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    public Uni<Hold> confirm(String tenantId, String reservationId, Credentials credentials) {
        return answered(client(credentials).confirm(request(tenantId, reservationId)), "Reservation " + reservationId);
    }

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ApiException.class)
    @CircuitBreakerName("customer-ledger-release")
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    public Uni<Hold> release(String tenantId, String reservationId, Credentials credentials) {
        return answered(client(credentials).release(request(tenantId, reservationId)), "Reservation " + reservationId);
    }

    /**
     * Looks a customer up (the till attaches them to a cart). A read, so one retry; an unknown customer is
     * a 404 {@link ApiException}, which neither retries nor counts toward the breaker.
     */
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ApiException.class)
    @CircuitBreakerName("customer-ledger-customer")
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 50, abortOn = {ApiException.class, CircuitBreakerOpenException.class})
    public Uni<Found> customer(String tenantId, String customerCode, Credentials credentials) {
        CustomerRequest request = CustomerRequest.newBuilder().setTenantId(tenantId).setCustomerCode(customerCode)
                .build();
        return mapped(client(credentials).customer(request).map(r -> new Found(r.getCustomerCode(), r.getName(),
                r.getLoyaltyTier(), r.getErased(), decimal(r.getPointsAvailable()),
                decimal(r.getCreditAvailable()))), "Customer " + customerCode);
    }

    /** The 503 a credit or points payment gets while the ledger service is away (or its breaker open). */
    public static ApiException unavailable() {
        return ApiException.unavailable(CartErrors.LEDGER_UNAVAILABLE,
                "The customer ledger is unavailable: credit and points payments cannot be taken now, cash can");
    }

    private CustomerLedger client(Credentials credentials) {
        Metadata headers = MasterDataItems.headers(credentials);
        return GrpcClientUtils.attachHeaders(ledger, headers);
    }

    private static ReservationRequest request(String tenantId, String reservationId) {
        return ReservationRequest.newBuilder().setTenantId(tenantId).setReservationId(reservationId).build();
    }

    private static Uni<Hold> answered(Uni<ReservationReply> call, String what) {
        return mapped(call.map(r -> new Hold(r.getReservationId(), r.getStatus())), what);
    }

    private static BigDecimal decimal(String value) {
        return value.isEmpty() ? null : new BigDecimal(value);
    }

    private static <T> Uni<T> mapped(Uni<T> call, String what) {
        return call
                .onFailure(t -> code(t) == Status.Code.FAILED_PRECONDITION).transform(t -> ApiException.badRequest(
                        CartErrors.LEDGER_REFUSED, what + " refused: " + description(t)))
                .onFailure(t -> code(t) == Status.Code.NOT_FOUND).transform(t -> ApiException.notFound(
                        what + " not found: " + description(t)))
                .onFailure(MasterDataItems::isInvalid).transform(t -> ApiException.validation(
                        "Invalid ledger request: " + description(t)))
                .onFailure(MasterDataItems::isRefused).transform(t -> ApiException.forbidden(
                        "The customer ledger refused the caller: " + code(t)))
                .onFailure(t -> !(t instanceof ApiException) && !MasterDataItems.isOutage(t))
                .transform(t -> ApiException.unavailable(CartErrors.LEDGER_UNAVAILABLE,
                        what + ": the customer ledger could not answer (" + code(t) + ")"));
    }

    private static Status.Code code(Throwable t) {
        return t instanceof StatusRuntimeException s ? s.getStatus().getCode() : null;
    }

    private static String description(Throwable t) {
        String d = ((StatusRuntimeException) t).getStatus().getDescription();
        return d == null ? String.valueOf(code(t)) : d;
    }
}
