package dev.kassa.masterdata.grpc;

import dev.kassa.common.api.Limits;
import dev.kassa.common.tenant.TenantIds;
import dev.kassa.masterdata.domain.Ledger.Holder;
import dev.kassa.masterdata.domain.Ledger.Reservation;
import dev.kassa.masterdata.grpc.v1.CustomerLedger;
import dev.kassa.masterdata.grpc.v1.CustomerReply;
import dev.kassa.masterdata.grpc.v1.CustomerRequest;
import dev.kassa.masterdata.grpc.v1.ReservationReply;
import dev.kassa.masterdata.grpc.v1.ReservationRequest;
import dev.kassa.masterdata.grpc.v1.ReserveRequest;
import dev.kassa.masterdata.service.LedgerService;
import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code CustomerLedger}: the cart's holds on a customer's credit and points, and the customer it attaches
 * (see customer_ledger.proto).
 */
@GrpcService
public class CustomerLedgerGrpcService implements CustomerLedger {
    private static final Pattern CODE = Pattern.compile(Limits.NO_CONTROL_CHARACTERS);

    @Inject
    GrpcCallers callers;

    @Inject
    LedgerService ledger;

    @Override
    public Uni<ReservationReply> reserve(ReserveRequest request) {
        BigDecimal amount;
        try {
            amount = new BigDecimal(request.getAmount());
        } catch (NumberFormatException e) {
            return invalid("amount must be a decimal number");
        }
        if (amount.signum() <= 0 || amount.scale() > Limits.AMOUNT_FRACTION_DIGITS
                || amount.precision() - amount.scale() > Limits.AMOUNT_INTEGER_DIGITS) {
            return invalid("amount must be money greater than 0");
        }
        if (!isCode(request.getCustomerCode()) || request.getCustomerCode().isBlank()
                || !isCode(request.getStoreCode()) || !isCode(request.getCartId())) {
            return invalid("customer_code must be given; codes at most " + Limits.CODE_MAX
                    + " characters, without control characters");
        }
        return forTenant(request.getTenantId(), tenant -> ledger.reserve(tenant, request.getCustomerCode(),
                request.getLedger(), amount, request.getCartId(), request.getStoreCode(), request.getTerminalNo()));
    }

    @Override
    public Uni<ReservationReply> confirm(ReservationRequest request) {
        if (!isCode(request.getReservationId()) || request.getReservationId().isBlank()) {
            return invalid("reservation_id must be given");
        }
        return forTenant(request.getTenantId(), tenant -> ledger.confirm(tenant, request.getReservationId()));
    }

    @Override
    public Uni<ReservationReply> release(ReservationRequest request) {
        if (!isCode(request.getReservationId()) || request.getReservationId().isBlank()) {
            return invalid("reservation_id must be given");
        }
        return forTenant(request.getTenantId(), tenant -> ledger.release(tenant, request.getReservationId()));
    }

    /** The customer a till attaches to a cart; an erased one is answered (erased = true), an unknown one NOT_FOUND. */
    @Override
    public Uni<CustomerReply> customer(CustomerRequest request) {
        if (!isCode(request.getCustomerCode()) || request.getCustomerCode().isBlank()) {
            return invalid("customer_code must be given: at most " + Limits.CODE_MAX
                    + " characters, without control characters");
        }
        return forTenant(request.getTenantId(), tenant -> ledger.holder(tenant, request.getCustomerCode()),
                CustomerLedgerGrpcService::reply);
    }

    private Uni<ReservationReply> forTenant(String tenantId, Function<String, Uni<Reservation>> work) {
        return forTenant(tenantId, work, CustomerLedgerGrpcService::reply);
    }

    private <T, R> Uni<R> forTenant(String tenantId, Function<String, Uni<T>> work, Function<T, R> reply) {
        if (!TenantIds.isValid(tenantId)) {
            return invalid("tenant_id must be a tenant id");
        }
        return callers.tenant().flatMap(caller -> {
            if (!tenantId.equals(caller)) {
                return Uni.createFrom().<R>failure(Status.PERMISSION_DENIED
                        .withDescription("The tenant in the request does not match the caller's tenant")
                        .asRuntimeException());
            }
            return work.apply(tenantId).map(reply).onFailure().transform(GrpcCallers::status);
        });
    }

    private static CustomerReply reply(Holder h) {
        return CustomerReply.newBuilder().setCustomerCode(h.customerCode()).setName(h.name())
                .setLoyaltyTier(h.loyaltyTier()).setErased(h.erased())
                .setPointsAvailable(h.balances().pointsAvailable().toPlainString())
                .setCreditAvailable(h.balances().creditAvailable().toPlainString()).build();
    }

    private static ReservationReply reply(Reservation r) {
        return ReservationReply.newBuilder().setReservationId(r.reservationId()).setCustomerCode(r.customerCode())
                .setLedger(r.ledger()).setAmount(r.amount().toPlainString()).setStatus(r.status())
                .setExpiresAt(r.expiresAt()).build();
    }

    private static <T> Uni<T> invalid(String message) {
        return Uni.createFrom().failure(Status.INVALID_ARGUMENT.withDescription(message).asRuntimeException());
    }

    private static boolean isCode(String value) {
        return value.length() <= Limits.CODE_MAX && CODE.matcher(value).matches();
    }
}
