package dev.kassa.cart.api;

import dev.kassa.masterdata.grpc.v1.CustomerLedgerGrpc;
import dev.kassa.masterdata.grpc.v1.CustomerReply;
import dev.kassa.masterdata.grpc.v1.ReservationReply;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.server.GrpcServer;
import io.vertx.grpc.server.GrpcServerResponse;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Master data's {@code CustomerLedger} in the {@link MasterDataDouble}: an in-memory ledger with the
 * real one's rules. Customers by code: {@code CR<limit>-<anything>} owes nothing with that credit
 * limit, {@code PT<points>-<anything>} has that many points, {@code GONE-<anything>} is erased; others are
 * unknown (NOT_FOUND). Customer answers who a customer is and what is still available. Reserve
 * holds when {@code owed + held + amount <= limit} (points: {@code balance - held - amount >= 0}),
 * else FAILED_PRECONDITION; Confirm moves a held reservation to confirmed (a released one:
 * FAILED_PRECONDITION); Release frees a held or confirmed one, twice is harmless. A call without
 * credentials is UNAUTHENTICATED. {@link #takeDown()} drops the ledger's connections only.
 * {@code GET /test/ledger/<customer>} shows a customer's holds to the tests.
 */
final class LedgerDouble {
    static final String DOWN = "kassa.test.ledger.down";

    record Hold(String id, String tenant, String customer, String ledger, BigDecimal amount, String cartId,
                String status, String authorization) {
        Hold with(String newStatus) {
            return new Hold(id, tenant, customer, ledger, amount, cartId, newStatus, authorization);
        }

        boolean held() {
            return status.equals("reserved") || status.equals("confirmed");
        }
    }

    /** In the order taken; every use holds its lock. */
    private static final Map<String, Hold> HOLDS = new LinkedHashMap<>();

    private LedgerDouble() {
    }

    static void takeDown() {
        System.setProperty(DOWN, "true");
    }

    static void bringUp() {
        System.clearProperty(DOWN);
    }

    static boolean isDown(HttpServerRequest req) {
        return Boolean.getBoolean(DOWN) && req.path().startsWith("/kassa.masterdata.v1.CustomerLedger/");
    }

    static void register(GrpcServer grpc) {
        grpc.callHandler(CustomerLedgerGrpc.getCustomerMethod(), call -> call.handler(req -> {
            if (call.headers().get("authorization") == null && call.headers().get("x-api-key") == null) {
                call.response().status(GrpcStatus.UNAUTHENTICATED).end();
                return;
            }
            String customer = req.getCustomerCode();
            if (customer.startsWith("GONE-")) {
                call.response().end(CustomerReply.newBuilder().setCustomerCode(customer).setName("(erased)")
                        .setLoyaltyTier("standard").setErased(true).setPointsAvailable("0").setCreditAvailable("0")
                        .build());
                return;
            }
            BigDecimal start = opening(customer);
            if (start == null) {
                call.response().status(GrpcStatus.NOT_FOUND).statusMessage("Customer " + customer).end();
                return;
            }
            boolean credit = customer.startsWith("CR");
            BigDecimal available;
            synchronized (HOLDS) {
                available = start.subtract(HOLDS.values().stream().filter(h -> h.customer().equals(customer) && h.held())
                        .map(Hold::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
            }
            call.response().end(CustomerReply.newBuilder().setCustomerCode(customer).setName("Customer " + customer)
                    .setLoyaltyTier(credit ? "standard" : "gold").setErased(false)
                    .setPointsAvailable(credit ? "0" : available.toPlainString())
                    .setCreditAvailable(credit ? available.toPlainString() : "0").build());
        }));
        grpc.callHandler(CustomerLedgerGrpc.getReserveMethod(), call -> call.handler(req -> {
            String auth = call.headers().get("authorization");
            if (auth == null && call.headers().get("x-api-key") == null) {
                call.response().status(GrpcStatus.UNAUTHENTICATED).end();
                return;
            }
            String customer = req.getCustomerCode();
            BigDecimal start = opening(customer);
            if (start == null) {
                fail(call.response(), GrpcStatus.NOT_FOUND, "Customer " + customer);
                return;
            }
            BigDecimal amount = new BigDecimal(req.getAmount());
            synchronized (HOLDS) {
                BigDecimal held = HOLDS.values().stream()
                        .filter(h -> h.customer().equals(customer) && h.ledger().equals(req.getLedger()) && h.held())
                        .map(Hold::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                boolean credit = req.getLedger().equals("credit");
                if (credit != customer.startsWith("CR") || !credit && !req.getLedger().equals("points")) {
                    fail(call.response(), GrpcStatus.INVALID_ARGUMENT, "ledger " + req.getLedger());
                    return;
                }
                // credit: owed (0) + held + amount <= limit; points: balance - held - amount >= 0
                if (held.add(amount).compareTo(start) > 0) {
                    fail(call.response(), GrpcStatus.FAILED_PRECONDITION, (credit ? "Credit limit " : "Points ")
                            + start.toPlainString() + " exceeded for customer " + customer);
                    return;
                }
                Hold hold = new Hold(UUID.randomUUID().toString(), req.getTenantId(), customer, req.getLedger(), amount,
                        req.getCartId(), "reserved", auth);
                HOLDS.put(hold.id(), hold);
                call.response().end(reply(hold));
            }
        }));
        grpc.callHandler(CustomerLedgerGrpc.getConfirmMethod(), call -> call.handler(req -> {
            synchronized (HOLDS) {
                Hold hold = HOLDS.get(req.getReservationId());
                if (hold == null || !hold.tenant().equals(req.getTenantId())) {
                    fail(call.response(), GrpcStatus.NOT_FOUND, "Reservation " + req.getReservationId());
                } else if (!hold.held()) {
                    fail(call.response(), GrpcStatus.FAILED_PRECONDITION, "Reservation " + hold.id() + " " + hold.status());
                } else {
                    Hold confirmed = hold.with("confirmed");
                    HOLDS.put(hold.id(), confirmed);
                    call.response().end(reply(confirmed));
                }
            }
        }));
        grpc.callHandler(CustomerLedgerGrpc.getReleaseMethod(), call -> call.handler(req -> {
            synchronized (HOLDS) {
                Hold hold = HOLDS.get(req.getReservationId());
                if (hold == null || !hold.tenant().equals(req.getTenantId())) {
                    fail(call.response(), GrpcStatus.NOT_FOUND, "Reservation " + req.getReservationId());
                } else {
                    Hold released = hold.held() ? hold.with("released") : hold;
                    HOLDS.put(hold.id(), released);
                    call.response().end(reply(released));
                }
            }
        }));
    }

    /** {@code GET /test/ledger/<customer>}: {"held": <sum held>, "holds": [{id, ledger, amount, status, cartId, authorization}]}. */
    static void show(HttpServerRequest req) {
        String customer = req.path().substring(req.path().lastIndexOf('/') + 1);
        String json;
        synchronized (HOLDS) {
            var mine = HOLDS.values().stream().filter(h -> h.customer().equals(customer)).toList();
            BigDecimal held = mine.stream().filter(Hold::held).map(Hold::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            json = "{\"held\":" + held.toPlainString() + ",\"holds\":[" + mine.stream().map(h -> """
                    {"id":"%s","ledger":"%s","amount":%s,"status":"%s","cartId":"%s","authorized":%s}"""
                    .formatted(h.id(), h.ledger(), h.amount().toPlainString(), h.status(), h.cartId(),
                            h.authorization() != null)).collect(Collectors.joining(",")) + "]}";
        }
        req.response().putHeader("content-type", "application/json").end(json);
    }

    /** The credit limit or points balance a customer code stands for, or null (unknown customer). */
    private static BigDecimal opening(String customer) {
        if ((customer.startsWith("CR") || customer.startsWith("PT")) && customer.contains("-")) {
            try {
                return new BigDecimal(customer.substring(2, customer.indexOf('-')));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static ReservationReply reply(Hold h) {
        return ReservationReply.newBuilder().setReservationId(h.id()).setCustomerCode(h.customer())
                .setLedger(h.ledger()).setAmount(h.amount().toPlainString()).setStatus(h.status())
                .setExpiresAt("2099-01-01T00:00:00Z").build();
    }

    private static void fail(GrpcServerResponse<?, ReservationReply> response, GrpcStatus status, String message) {
        response.status(status).statusMessage(message).end();
    }
}
