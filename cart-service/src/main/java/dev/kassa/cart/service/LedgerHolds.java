package dev.kassa.cart.service;

import dev.kassa.cart.client.CustomerLedgers;
import dev.kassa.cart.domain.Cart;
import dev.kassa.cart.domain.CartContext;
import dev.kassa.cart.domain.Payment;
import dev.kassa.cart.domain.PaymentRequest;
import dev.kassa.cart.domain.payment.LedgerPayment;
import dev.kassa.cart.domain.payment.PaymentPlugin;
import dev.kassa.common.api.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The holds behind credit and points payments ({@link LedgerPayment}): taken before the tender is
 * added, confirmed after the bill's transaction is committed, released by cancel, resume and a
 * failed bill. Carts without such payments never get here (no extra round trip for a plain sale).
 * <p>
 * Confirm and release are best effort: a bill is never failed by its confirm (the tranlog, already
 * committed, settles the hold when master data posts it; an unconfirmed hold would at worst expire
 * after master data's reservation TTL), and a failed release leaves the hold to expire, or to the
 * cancelled tranlog, which master data's consumer releases too.
 */
@ApplicationScoped
public class LedgerHolds {
    private static final Logger LOG = Logger.getLogger(LedgerHolds.class);
    /** The tenant setting of master data's loyalty rule: what one point is worth (default 1). */
    static final String POINT_VALUE_SETTING = "loyalty_point_value";

    record Held(List<PaymentRequest> requests, List<String> reservations) {
    }

    @Inject
    CustomerLedgers ledgers;
    @Inject
    MasterConfig master;

    /** Whether any of these payments is paid from a customer ledger. */
    static boolean anyLedger(List<PaymentRequest> requests, CartContext ctx) {
        for (PaymentRequest r : requests) {
            PaymentPlugin plugin = r == null ? null : ctx.paymentPlugins().find(r.paymentCode());
            if (plugin != null && plugin.ledger() != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Holds each ledger payment of {@code trial} (the cart with {@code requests} already added, so every
     * rule of the cart has passed) from {@code firstNew} on, one after the other; the answer is the
     * requests with {@code reservation:<id>} as the detail of each held one. A refusal releases the
     * holds taken so far.
     */
    Uni<Held> reserve(TerminalCaller caller, Cart trial, int firstNew, List<PaymentRequest> requests, CartContext ctx) {
        List<Payment> added = trial.payments().subList(firstNew, trial.payments().size());
        boolean points = added.stream().anyMatch(p -> LedgerPayment.POINTS.equals(ledgerOf(p, ctx)));
        Uni<BigDecimal> pointValue = points ? pointValue(caller) : Uni.createFrom().item(BigDecimal.ONE);
        return pointValue.flatMap(value -> next(caller, trial, added, requests, ctx, value, 0,
                new ArrayList<>(requests), new ArrayList<>()));
    }

    private Uni<Held> next(TerminalCaller caller, Cart trial, List<Payment> added, List<PaymentRequest> requests,
                           CartContext ctx, BigDecimal pointValue, int i, List<PaymentRequest> out, List<String> held) {
        if (i == added.size()) {
            return Uni.createFrom().item(new Held(out, held));
        }
        Payment p = added.get(i);
        String ledger = ledgerOf(p, ctx);
        if (ledger == null) {
            return next(caller, trial, added, requests, ctx, pointValue, i + 1, out, held);
        }
        BigDecimal amount = LedgerPayment.POINTS.equals(ledger)
                ? p.paymentAmount().divide(pointValue, 4, RoundingMode.UP).stripTrailingZeros()
                : p.paymentAmount();
        return ledgers.reserve(caller.tenantId(), trial.customerCode(), ledger, amount, trial.cartId(),
                        trial.storeCode(), trial.terminalNo(), caller.credentials())
                .onFailure(t -> !(t instanceof ApiException)).transform(t -> CustomerLedgers.unavailable())
                .onFailure().call(t -> release(caller, held))
                .flatMap(hold -> {
                    held.add(hold.reservationId());
                    PaymentRequest r = requests.get(i);
                    out.set(i, new PaymentRequest(r.paymentCode(), r.amount(),
                            LedgerPayment.RESERVATION_PREFIX + hold.reservationId()));
                    return next(caller, trial, added, requests, ctx, pointValue, i + 1, out, held);
                });
    }

    /** The holds named by these payments (ledger methods only: a cash payment's detail is just text). */
    static List<String> holdsOf(List<Payment> payments, CartContext ctx) {
        List<String> ids = new ArrayList<>();
        for (Payment p : payments) {
            String id = LedgerPayment.reservationOf(p.paymentDetail());
            if (id != null && ledgerOf(p, ctx) != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** Whether any payment names a hold: checked before anything is looked up. */
    static boolean mayHold(List<Payment> payments) {
        for (Payment p : payments) {
            if (LedgerPayment.reservationOf(p.paymentDetail()) != null) {
                return true;
            }
        }
        return false;
    }

    Uni<Void> confirm(TerminalCaller caller, List<String> reservations) {
        return each(caller, reservations, true);
    }

    Uni<Void> release(TerminalCaller caller, List<String> reservations) {
        return each(caller, reservations, false);
    }

    private Uni<Void> each(TerminalCaller caller, List<String> reservations, boolean confirm) {
        if (reservations.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> calls = new ArrayList<>(reservations.size());
        for (String id : List.copyOf(reservations)) {
            Uni<CustomerLedgers.Hold> call = confirm ? ledgers.confirm(caller.tenantId(), id, caller.credentials())
                    : ledgers.release(caller.tenantId(), id, caller.credentials());
            calls.add(call.replaceWithVoid().onFailure().recoverWithUni(t -> {
                LOG.warnf("%s of reservation %s (tenant %s) failed, left to expiry or the tranlog's posting: %s",
                        confirm ? "Confirm" : "Release", id, caller.tenantId(), t.toString());
                return Uni.createFrom().voidItem();
            }));
        }
        return Uni.join().all(calls).andCollectFailures().replaceWithVoid();
    }

    private Uni<BigDecimal> pointValue(TerminalCaller caller) {
        return master.master(caller.tenantId(), caller.credentials()).map(m -> m
                .setting(POINT_VALUE_SETTING, caller.terminal().storeCode(), caller.terminal().terminalNo())
                .map(v -> {
                    try {
                        BigDecimal value = new BigDecimal(v.replace("\"", "").trim());
                        return value.signum() > 0 ? value : BigDecimal.ONE;
                    } catch (NumberFormatException e) {
                        return BigDecimal.ONE;
                    }
                })
                .orElse(BigDecimal.ONE));
    }

    private static String ledgerOf(Payment p, CartContext ctx) {
        PaymentPlugin plugin = ctx.paymentPlugins().find(p.paymentCode());
        return plugin == null ? null : plugin.ledger();
    }
}
