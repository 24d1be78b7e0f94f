package dev.kassa.cart.domain;

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
}
