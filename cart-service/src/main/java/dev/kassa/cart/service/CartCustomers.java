package dev.kassa.cart.service;

import dev.kassa.cart.client.CustomerLedgers;
import dev.kassa.cart.domain.Cart;
import dev.kassa.cart.domain.CartContext;
import dev.kassa.cart.domain.CartErrors;
import dev.kassa.cart.domain.CartEvent;
import dev.kassa.cart.domain.Customer;
import dev.kassa.common.api.ApiException;
import dev.kassa.common.api.ErrorCodes;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The customer of an open cart (issue 14): attached when the cashier scans a loyalty card, or removed.
 * The customer is looked up in master data's ledger first, so a mistyped code is refused (404) instead
 * of silently losing the sale's points; while the ledger is away the cart keeps its customer (503).
 * The state and a held credit or points payment are checked before the look-up and again on the cart
 * that is written ({@link Cart#changesCustomer}); the same customer again changes nothing and looks
 * nothing up.
 */
@ApplicationScoped
public class CartCustomers {

    @Inject
    CartService carts;
    @Inject
    MasterConfig master;
    @Inject
    CustomerLedgers ledgers;

    public Uni<Cart> attach(TerminalCaller caller, String cartId, String customerCode) {
        return context(caller).flatMap(ctx -> carts.get(caller, cartId).flatMap(cart -> {
            if (!cart.changesCustomer(customerCode, CartEvent.ATTACH_CUSTOMER, ctx)) {
                return Uni.createFrom().item(cart);
            }
            return lookUp(caller, customerCode)
                    .flatMap(who -> carts.change(caller, cartId, (c, x) -> c.attachCustomer(who, x)));
        }));
    }

    public Uni<Cart> detach(TerminalCaller caller, String cartId) {
        return context(caller).flatMap(ctx -> carts.get(caller, cartId).flatMap(cart ->
                cart.changesCustomer(null, CartEvent.DETACH_CUSTOMER, ctx)
                        ? carts.change(caller, cartId, (c, x) -> c.detachCustomer(x))
                        : Uni.createFrom().item(cart)));
    }

    /** The customer as master data knows them; unknown or erased: 404; the ledger away: 503 / 601002. */
    private Uni<Customer> lookUp(TerminalCaller caller, String customerCode) {
        return ledgers.customer(caller.tenantId(), customerCode, caller.credentials())
                .onFailure(t -> !(t instanceof ApiException)).transform(t -> ApiException.unavailable(
                        CartErrors.LEDGER_UNAVAILABLE,
                        "The customer ledger is unavailable: the customer cannot be attached now, try again"))
                .map(found -> {
                    if (found.erased()) {
                        throw notFound(customerCode);
                    }
                    return new Customer(found.customerCode(), found.name(), found.loyaltyTier(),
                            found.pointsAvailable(), found.creditAvailable());
                })
                .onFailure(t -> t instanceof ApiException a && a.status() == 404)
                .transform(t -> notFound(customerCode));
    }

    private static ApiException notFound(String customerCode) {
        return ApiException.notFound(ErrorCodes.NOT_FOUND, "Customer not found: " + customerCode);
    }

    private Uni<CartContext> context(TerminalCaller caller) {
        return master.context(caller.tenantId(), caller.terminal().storeCode(), caller.credentials());
    }
}
