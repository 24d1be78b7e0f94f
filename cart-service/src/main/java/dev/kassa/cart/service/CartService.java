package dev.kassa.cart.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.kassa.cart.client.ItemDetail;
import dev.kassa.cart.domain.Cart;
import dev.kassa.cart.domain.CartContext;
import dev.kassa.cart.domain.CartErrors;
import dev.kassa.cart.domain.CartEvent;
import dev.kassa.cart.domain.CartState;
import dev.kassa.cart.domain.CartStateMachine;
import dev.kassa.cart.domain.ItemMaster;
import dev.kassa.cart.domain.ItemToAdd;
import dev.kassa.cart.domain.Payment;
import dev.kassa.cart.domain.PaymentRequest;
import dev.kassa.cart.domain.Staff;
import dev.kassa.cart.domain.TranLogMapper;
import dev.kassa.cart.domain.TransactionNumbers;
import dev.kassa.cart.domain.receipt.ReceiptSettings;
import dev.kassa.cart.repository.CartStore;
import dev.kassa.cart.repository.CounterRepository;
import dev.kassa.cart.repository.TransactionRepository;
import dev.kassa.cart.repository.TransactionWriter;
import dev.kassa.common.api.ApiException;
import dev.kassa.common.event.TranLog;
import dev.kassa.common.pg.SqlFailures;
import dev.kassa.common.pg.TenantTx;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Request;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;

/**
 * The cart's use cases over the pure domain: carts live in Redis and change by compare-and-set
 * (a lost race reloads and applies the operation again); bill and cancel number the cart, store
 * the transaction and its tranlog (outbox) in one PostgreSQL transaction, then store the
 * finished cart. A cart is decoded once per request and encoded once per write, with a reader and
 * writer built once.
 */
@ApplicationScoped
public class CartService {
    static final int MAX_ATTEMPTS = 200;

    public record ItemRequest(String itemCode, int quantity, BigDecimal unitPrice) {
    }

    @Inject
    CartStore store;
    @Inject
    ObjectMapper mapper;
    @Inject
    ItemCatalog catalog;
    @Inject
    MasterConfig master;
    @Inject
    TenantTx tx;
    @Inject
    CounterRepository counters;
    @Inject
    TransactionRepository transactions;
    @Inject
    TransactionWriter writer;
    @Inject
    SalesMetrics metrics;
    @Inject
    LedgerHolds holds;

    private ObjectReader cartReader;
    private ObjectWriter cartWriter;

    @PostConstruct
    void init() {
        cartReader = mapper.readerFor(Cart.class);
        cartWriter = mapper.writerFor(Cart.class);
    }

    private record Loaded(long version, Cart cart) {
    }

    // ------------------------------------------------------------------ create and read

    public Uni<String> create(TerminalCaller caller, Integer transactionType, String userId, String userName) {
        return create(caller, transactionType, userId, userName, null);
    }

    /** A cart, for a customer when {@code customerCode} is given (not looked up: a sale needs no extra round trip). */
    public Uni<String> create(TerminalCaller caller, Integer transactionType, String userId, String userName,
                              String customerCode) {
        String cartId = UUID.randomUUID().toString();
        Staff user = userId == null && userName == null ? null : new Staff(userId, userName);
        Cart cart = Cart.create(cartId, caller.terminal(), transactionType, user, OffsetDateTime.now());
        if (customerCode != null && !customerCode.isBlank()) {
            cart.forCustomer(customerCode);
        }
        return store.create(caller.tenantId(), cartId, json(cart)).map(created -> {
            if (!created) {
                throw ApiException.duplicate("Cart id already in use: " + cartId);
            }
            return cartId;
        });
    }

    public Uni<Cart> get(TerminalCaller caller, String cartId) {
        return load(caller, cartId).map(l -> l.cart().get());
    }

    // ------------------------------------------------------------------ changes

    /** Applies {@code op} to the latest version of the cart until the write wins. */
    public Uni<Cart> change(TerminalCaller caller, String cartId, BiFunction<Cart, CartContext, Cart> op) {
        return context(caller).flatMap(ctx -> attempt(caller, cartId, cart -> op.apply(cart, ctx), 1, null));
    }

    public Uni<Cart> addItems(TerminalCaller caller, String cartId, List<ItemRequest> requests) {
        if (requests == null || requests.isEmpty()) {
            return Uni.createFrom().failure(ApiException.validation("At least one item is required"));
        }
        String storeCode = caller.terminal().storeCode();
        List<Request> cached = new ArrayList<>(requests.size());
        for (ItemRequest r : requests) {
            if (hasCode(r)) {
                cached.add(ItemCatalog.cached(caller.tenantId(), storeCode, r.itemCode()));
            }
        }
        // the cart and its cached items in one round trip; the state is still checked first (300004
        // before any item is looked up in master data), then the items, then the change
        return store.load(caller.tenantId(), cartId, cached).flatMap(along -> {
            Loaded l = loaded(caller, cartId, along.cart());
            if (!CartStateMachine.allows(l.cart().cartStatus(), CartEvent.ADD_ITEM)) {
                throw CartStateMachine.invalidEvent(l.cart().cartStatus(), CartEvent.ADD_ITEM);
            }
            Cart.requireRoomFor(l.cart().lineItems().size() + requests.size(), "lines"); // before any lookup
            List<Uni<ItemToAdd>> lookups = new ArrayList<>(requests.size());
            int answer = 0;
            for (ItemRequest r : requests) {
                if (!hasCode(r)) {
                    lookups.add(Uni.createFrom().failure(ApiException.validation("itemCode is required")));
                    continue;
                }
                lookups.add(catalog.item(caller.tenantId(), storeCode, r.itemCode(), caller.credentials(),
                        along.others().get(answer++)).map(d -> new ItemToAdd(master(d), r.quantity(), r.unitPrice())));
            }
            Uni<List<ItemToAdd>> items = lookups.size() == 1 ? lookups.get(0).map(List::of)
                    : Uni.join().all(lookups).andFailFast();
            return Uni.combine().all().unis(items, context(caller)).asTuple()
                    .flatMap(t -> attempt(caller, cartId, cart -> cart.addItems(t.getItem1(), t.getItem2()), 1, l));
        });
    }

    /**
     * Adds tenders. Credit and points payments ({@link LedgerHolds}) are first tried on a copy of the
     * cart (every rule of the cart before any hold), then held in the customer's ledger, then added
     * with {@code reservation:<id>} as their detail; a refused or failed change releases the holds.
     * Other payments change the cart as any operation does (no extra round trip).
     */
    public Uni<Cart> addPayments(TerminalCaller caller, String cartId, List<PaymentRequest> requests) {
        return context(caller).flatMap(ctx -> {
            if (!LedgerHolds.anyLedger(requests, ctx)) {
                return attempt(caller, cartId, cart -> cart.addPayments(requests, ctx), 1, null);
            }
            return load(caller, cartId).flatMap(l -> {
                int before = l.cart().payments().size();
                Cart trial = l.cart().addPayments(requests, ctx);
                return holds.reserve(caller, trial, before, requests, ctx).flatMap(held ->
                        attempt(caller, cartId, cart -> {
                            // the holds are the customer's of the trial: not added if another was attached meanwhile
                            if (!Objects.equals(cart.customerCode(), trial.customerCode())) {
                                throw ApiException.invalidState("The cart's customer changed while the payment was"
                                        + " being held: tender again");
                            }
                            return cart.addPayments(held.requests(), ctx);
                        }, 1, null)
                                .onFailure().call(t -> holds.release(caller, held.reservations())));
            });
        });
    }

    /** Paying -> EnteringItem with every payment removed; the holds of removed credit and points payments are released. */
    public Uni<Cart> resumeItemEntry(TerminalCaller caller, String cartId) {
        List<List<Payment>> removed = new ArrayList<>(1);
        return context(caller).flatMap(ctx -> attempt(caller, cartId, cart -> {
                    removed.clear();
                    removed.add(cart.payments());
                    return cart.resumeItemEntry(ctx);
                }, 1, null)
                .call(done -> LedgerHolds.mayHold(removed.get(0))
                        ? holds.release(caller, LedgerHolds.holdsOf(removed.get(0), ctx))
                        : Uni.createFrom().voidItem()));
    }

    private static boolean hasCode(ItemRequest r) {
        return r.itemCode() != null && !r.itemCode().isBlank();
    }

    /** The item as the cart sells it, from master data's answer. */
    static ItemMaster master(ItemDetail d) {
        return new ItemMaster(d.itemCode(), d.description(), d.unitPrice(), d.storePrice(), d.categoryCode(),
                d.taxCode(), d.discountRestricted(), d.imageUrls());
    }

    private Uni<Cart> attempt(TerminalCaller caller, String cartId, java.util.function.UnaryOperator<Cart> op,
                              int attempt, Loaded preloaded) {
        Uni<Loaded> loaded = preloaded != null ? Uni.createFrom().item(preloaded) : load(caller, cartId);
        return loaded.flatMap(l -> {
            Cart changed = op.apply(l.cart());
            return store.replace(caller.tenantId(), cartId, l.version(), json(changed)).flatMap(won -> {
                if (won) {
                    return Uni.createFrom().item(changed);
                }
                if (attempt >= MAX_ATTEMPTS) {
                    return Uni.createFrom().failure(ApiException.unavailable("401003",
                            "The cart is too busy, try again"));
                }
                long jitter = 1 + ThreadLocalRandom.current().nextLong(1 + Math.min(attempt, 10));
                return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(jitter))
                        .flatMap(x -> attempt(caller, cartId, op, attempt + 1, null));
            });
        });
    }

    // ------------------------------------------------------------------ bill and cancel

    public Uni<Cart> bill(TerminalCaller caller, String cartId) {
        return finish(caller, cartId, CartEvent.BILL);
    }

    public Uni<Cart> cancel(TerminalCaller caller, String cartId) {
        return finish(caller, cartId, CartEvent.CANCEL);
    }

    private Uni<Cart> finish(TerminalCaller caller, String cartId, CartEvent event) {
        String tenantId = caller.tenantId();
        return load(caller, cartId).flatMap(l -> {
            Cart cart = l.cart();
            if (event == CartEvent.BILL) {
                cart.ensureBillable();
            } else {
                cart.ensureCancellable();
            }
            return master.master(tenantId, caller.credentials()).flatMap(m -> {
                var range = m.receiptCounter(cart.storeCode(), cart.terminalNo());
                var receipt = master.receipt(m, cart.storeCode(), cart.terminalNo());
                String eventId = UUID.randomUUID().toString();
                List<Payment> paid = cart.payments();
                boolean mayHold = LedgerHolds.mayHold(paid);
                // two round trips and COMMIT: BEGIN, search_path and numbers; then transaction, delivery
                // status and outbox in one statement
                return tx.runSql(tenantId, conn -> counters.next(conn, cart.storeCode(), cart.terminalNo(),
                                range.start(), range.end())
                        .flatMap(n -> {
                            TransactionNumbers numbers = new TransactionNumbers(n.transactionNo(), n.receiptNo());
                            finishAs(cart, event, numbers, OffsetDateTime.now(), receipt);
                            TranLog tranLog = TranLogMapper.fromCart(cart, eventId);
                            return writer.insert(conn, tranLog, cartId, cart.isCancelled());
                        }))
                        .invoke(() -> {
                            if (event == CartEvent.BILL) {
                                metrics.billed(cart.totalAmountWithTax());
                            }
                        })
                        .onFailure(t -> mayHold && event == CartEvent.BILL && !SqlFailures.isUniqueViolation(t))
                        .call(t -> failedBill(caller, cartId, paid))
                        .flatMap(x -> forceStore(tenantId, cartId, cart, l.version()))
                        .call(done -> mayHold ? settle(caller, paid, event) : Uni.createFrom().voidItem())
                        .onFailure(SqlFailures::isUniqueViolation)
                        .recoverWithUni(t -> alreadyFinished(caller, cartId, event, receipt, t));
            });
        });
    }

    /** After the commit: a bill confirms its holds, a cancel releases them (best effort, see {@link LedgerHolds}). */
    private Uni<Void> settle(TerminalCaller caller, List<Payment> paid, CartEvent event) {
        return context(caller).flatMap(ctx -> {
            List<String> ids = LedgerHolds.holdsOf(paid, ctx);
            return event == CartEvent.BILL ? holds.confirm(caller, ids) : holds.release(caller, ids);
        }).onFailure().recoverWithNull().replaceWithVoid();
    }

    /**
     * The bill's transaction was not stored: its holds are released and the cart goes back to item
     * entry without payments, so no later bill can carry a released hold; the terminal tenders again.
     * Best effort; the bill's own failure is what the caller sees.
     */
    private Uni<Void> failedBill(TerminalCaller caller, String cartId, List<Payment> paid) {
        return context(caller).flatMap(ctx -> {
            List<String> ids = LedgerHolds.holdsOf(paid, ctx);
            if (ids.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return attempt(caller, cartId, cart -> cart.resumeItemEntry(ctx), 1, null).replaceWithVoid()
                    .onFailure().recoverWithNull().replaceWithVoid()
                    .call(() -> holds.release(caller, ids));
        }).onFailure().recoverWithNull().replaceWithVoid();
    }

    private static void finishAs(Cart cart, CartEvent event, TransactionNumbers numbers, OffsetDateTime at,
                                 ReceiptSettings receipt) {
        if (event == CartEvent.BILL) {
            cart.bill(numbers, at, receipt);
        } else {
            cart.cancel(numbers, at, receipt);
        }
    }

    /**
     * Another call finished this cart first (a concurrent or repeated bill or cancel: the unique
     * {@code cart_id} refused the second transaction). The stored transaction is the truth: when Redis
     * does not show the finished cart yet (the winner has not written it, or its write failed after the
     * commit), the cart is finished again with the stored numbers and time, which renders the same
     * cart, and stored. The caller gets that cart, or the contract's 400 when it asked for the other
     * ending (a cancel of a billed cart).
     */
    private Uni<Cart> alreadyFinished(TerminalCaller caller, String cartId, CartEvent event, ReceiptSettings receipt,
                                      Throwable conflict) {
        String tenantId = caller.tenantId();
        return tx.run(tenantId, session -> transactions.findByCartId(session, cartId)).flatMap(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().failure(conflict);
            }
            TranLog stored = found.get().tranLog();
            CartEvent storedEvent = found.get().status().isCancelled() ? CartEvent.CANCEL : CartEvent.BILL;
            return load(caller, cartId).flatMap(l -> {
                Cart cart = l.cart();
                CartState s = cart.cartStatus();
                Uni<Cart> finished;
                if (s == CartState.Completed || s == CartState.Cancelled) {
                    finished = Uni.createFrom().item(cart);
                } else {
                    finishAs(cart, storedEvent, new TransactionNumbers(stored.transactionNo(), stored.receiptNo()),
                            OffsetDateTime.parse(stored.generateDateTime()), receipt);
                    finished = forceStore(tenantId, cartId, cart, l.version());
                }
                return finished.map(done -> {
                    if (storedEvent != event) {
                        throw CartStateMachine.invalidEvent(done.cartStatus(), event);
                    }
                    return done;
                });
            });
        });
    }

    /**
     * After commit the finished cart replaces whatever is in Redis (the transaction is the truth):
     * first on the version it was loaded at (nearly always still current), else on the version found.
     */
    private Uni<Cart> forceStore(String tenantId, String cartId, Cart cart, long loadedVersion) {
        byte[] json = json(cart);
        return store.replace(tenantId, cartId, loadedVersion, json).flatMap(won -> won
                ? Uni.createFrom().item(cart) : forceStore(tenantId, cartId, cart, json));
    }

    private Uni<Cart> forceStore(String tenantId, String cartId, Cart cart, byte[] json) {
        return store.load(tenantId, cartId).flatMap(current -> current.isEmpty()
                ? store.create(tenantId, cartId, json).replaceWith(cart)
                : store.replace(tenantId, cartId, current.get().version(), json).flatMap(won -> won
                        ? Uni.createFrom().item(cart) : forceStore(tenantId, cartId, cart, json)));
    }

    // ------------------------------------------------------------------ helpers

    private Uni<CartContext> context(TerminalCaller caller) {
        return master.context(caller.tenantId(), caller.terminal().storeCode(), caller.credentials());
    }

    private Uni<Loaded> load(TerminalCaller caller, String cartId) {
        return store.load(caller.tenantId(), cartId).map(found -> loaded(caller, cartId, found));
    }

    private Loaded loaded(TerminalCaller caller, String cartId, Optional<CartStore.Stored> found) {
        if (found.isEmpty()) {
            throw CartErrors.cartNotFound(cartId);
        }
        Cart cart = read(found.get().json());
        if (!caller.terminalId().equals(cart.terminalId())) {
            throw CartErrors.cartNotFound(cartId);
        }
        return new Loaded(found.get().version(), cart);
    }

    private Cart read(byte[] json) {
        try {
            return cartReader.readValue(json);
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable stored cart", e);
        }
    }

    private byte[] json(Cart cart) {
        try {
            return cartWriter.writeValueAsBytes(cart);
        } catch (IOException e) {
            throw new IllegalStateException("Cart cannot be written as JSON", e);
        }
    }
}
