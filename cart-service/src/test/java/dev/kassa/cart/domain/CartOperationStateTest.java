package dev.kassa.cart.domain;

import dev.kassa.cart.domain.payment.PaymentRegistry;
import dev.kassa.cart.domain.receipt.ReceiptSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static dev.kassa.cart.domain.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every operation of the Cart in every state a cart can be in: allowed operations move the cart to the
 * state of the contract's table, the others are 400 / 300004 and leave the cart untouched.
 */
class CartOperationStateTest {

    static final Customer ASHA = new Customer("ASHA", "Asha", "gold", bd(60), bd(500));
    static final Map<CartState, Supplier<Cart>> CART_IN = new EnumMap<>(CartState.class);
    static final Map<CartEvent, Consumer<Cart>> OPERATION = new EnumMap<>(CartEvent.class);

    static {
        CART_IN.put(CartState.Idle, Fixtures::newCart);
        CART_IN.put(CartState.EnteringItem, () -> cartWith(ItemToAdd.of(item4901(), 2)));
        CART_IN.put(CartState.Paying, () -> payingCartWith(ItemToAdd.of(item4901(), 2)));
        CART_IN.put(CartState.Completed, () -> {
            Cart c = payingCartWith(ItemToAdd.of(item4901(), 2));
            c.addPayments(List.of(PaymentRequest.of("01", 1000)), CTX);
            return billed(c);
        });
        CART_IN.put(CartState.Cancelled, () -> cartWith(ItemToAdd.of(item4901(), 2))
                .cancel(FIRST_NUMBERS, NOW, ReceiptSettings.none()));

        OPERATION.put(CartEvent.GET, Cart::get);
        OPERATION.put(CartEvent.CANCEL, c -> c.cancel(FIRST_NUMBERS, NOW, ReceiptSettings.none()));
        OPERATION.put(CartEvent.ADD_ITEM, c -> c.addItems(List.of(ItemToAdd.of(item4901(), 1)), CTX));
        OPERATION.put(CartEvent.ADD_LINE_DISCOUNT, c -> c.setLineDiscounts(1, List.of(DiscountRequest.amount(10)), CTX));
        OPERATION.put(CartEvent.CANCEL_LINE_ITEM, c -> c.cancelLineItem(1, CTX));
        OPERATION.put(CartEvent.UPDATE_QUANTITY, c -> c.updateQuantity(1, 3, CTX));
        OPERATION.put(CartEvent.UPDATE_UNIT_PRICE, c -> c.updateUnitPrice(1, bd(90), CTX));
        OPERATION.put(CartEvent.SUBTOTAL, c -> c.subtotal(CTX));
        OPERATION.put(CartEvent.ADD_CART_DISCOUNT, c -> c.setSubtotalDiscounts(List.of(DiscountRequest.amount(10)), CTX));
        OPERATION.put(CartEvent.ADD_PAYMENT, c -> c.addPayments(List.of(PaymentRequest.of("01", 50)), CTX));
        OPERATION.put(CartEvent.BILL, c -> {
            if (c.cartStatus() == CartState.Paying) {
                c.addPayments(List.of(PaymentRequest.of("01", 1000)), CTX);
            }
            billed(c);
        });
        OPERATION.put(CartEvent.RESUME_ITEM_ENTRY, c -> c.resumeItemEntry(CTX));
        OPERATION.put(CartEvent.ATTACH_CUSTOMER, c -> c.attachCustomer(ASHA, CTX));
        OPERATION.put(CartEvent.DETACH_CUSTOMER, c -> c.detachCustomer(CTX));
    }

    static Stream<Arguments> everyStateAndOperation() {
        List<Arguments> cases = new ArrayList<>();
        for (CartState state : CART_IN.keySet()) {
            for (CartEvent event : OPERATION.keySet()) {
                cases.add(Arguments.of(state, event, CartStateMachineTest.CONTRACT.get(state).get(event)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} x {1} -> {2}")
    @MethodSource("everyStateAndOperation")
    void operationInState(CartState state, CartEvent event, CartState expected) {
        Cart cart = CART_IN.get(state).get();
        assertEquals(state, cart.cartStatus());
        if (expected != null) {
            OPERATION.get(event).accept(cart);
            assertEquals(expected, cart.cartStatus());
        } else {
            long version = cart.version();
            var e = assertApiError(400, "300004", () -> OPERATION.get(event).accept(cart));
            assertEquals("Invalid event: " + event.operation() + " for state: " + state, e.getMessage());
            assertEquals(state, cart.cartStatus());
            assertEquals(version, cart.version());
        }
    }

    @org.junit.jupiter.api.Test
    void everyOperationIsCovered() {
        assertEquals(CartEvent.values().length - 1, OPERATION.size()); // all but CREATE (Cart.create)
        assertEquals(CartState.values().length - 1, CART_IN.size()); // all but Initial (a cart is born Idle)
    }

    /** A customer changes only while no credit or points payment holds their ledger; the same one is no change. */
    @org.junit.jupiter.api.Test
    void theCustomerChangesOnlyWhileNoLedgerPaymentHoldsThem() {
        CartContext ctx = CTX.withPaymentMethods(Map.of(
                        "01", new PaymentMethod("01", "Cash", bd(0), true, true, true, true),
                        "31", new PaymentMethod("31", "Credit", bd(0), false, false, false, true)))
                .withPaymentPlugins(PaymentRegistry.fromConfig(Map.of("01", "CashPayment", "31", "CreditPayment")));
        Cart cart = payingCartWith(ItemToAdd.of(item4901(), 2));
        cart.attachCustomer(ASHA, ctx);
        assertEquals("ASHA", cart.customerCode());
        long version = cart.version();
        cart.attachCustomer(new Customer("ASHA", "Asha", "gold", bd(1), bd(1)), ctx);
        assertEquals(version, cart.version(), "the same customer again changes nothing");
        assertEquals(bd(60), cart.customer().pointsAvailable());

        cart.addPayments(List.of(PaymentRequest.of("01", 10)), ctx);
        cart.detachCustomer(ctx); // cash holds nothing
        assertEquals(null, cart.customerCode());
        cart.attachCustomer(ASHA, ctx);
        cart.addPayments(List.of(new PaymentRequest("31", bd(20), "reservation:r-1")), ctx);
        long held = cart.version();
        var e = assertApiError(400, "300004", () -> cart.detachCustomer(ctx));
        assertEquals("The customer cannot change while payment 2 (Credit) holds the credit of customer ASHA:"
                + " resume item entry first", e.getMessage());
        assertApiError(400, "300004", () -> cart.attachCustomer(new Customer("BALA", null, null, null, null), ctx));
        assertEquals("ASHA", cart.customerCode());
        assertEquals(held, cart.version());
        cart.attachCustomer(ASHA, ctx); // the same customer is still fine
        cart.resumeItemEntry(ctx);
        cart.detachCustomer(ctx);
        assertEquals(null, cart.customerCode());
        assertEquals(null, CartView.of(cart).customer());
    }
}
