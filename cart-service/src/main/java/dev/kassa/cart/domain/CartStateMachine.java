package dev.kassa.cart.domain;

import dev.kassa.common.api.ApiException;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import static dev.kassa.cart.domain.CartEvent.*;
import static dev.kassa.cart.domain.CartState.*;

/**
 * The cart's state machine as one table: state x event -> next state (kugel-features.md §4).
 * An event missing from a state's row is not allowed there: 400 with code 300004. Attaching and
 * removing a customer (Kassa's additions) are allowed while the cart is open and keep its state.
 */
public final class CartStateMachine {

    private static final Map<CartState, Map<CartEvent, CartState>> TABLE = new EnumMap<>(CartState.class);

    static {
        //  state          event               next state
        row(Initial,
                CREATE,            Idle);
        row(Idle,
                ADD_ITEM,          EnteringItem,
                GET,               Idle,
                ATTACH_CUSTOMER,   Idle,
                DETACH_CUSTOMER,   Idle,
                CANCEL,            Cancelled);
        row(EnteringItem,
                ADD_ITEM,          EnteringItem,
                ADD_LINE_DISCOUNT, EnteringItem,
                ADD_PAYMENT,       EnteringItem,
                CANCEL_LINE_ITEM,  EnteringItem,
                UPDATE_QUANTITY,   EnteringItem,
                UPDATE_UNIT_PRICE, EnteringItem,
                ATTACH_CUSTOMER,   EnteringItem,
                DETACH_CUSTOMER,   EnteringItem,
                CANCEL,            Cancelled,
                SUBTOTAL,          Paying,
                GET,               EnteringItem);
        row(Paying,
                ADD_CART_DISCOUNT, Paying,
                ADD_PAYMENT,       Paying,
                ATTACH_CUSTOMER,   Paying,
                DETACH_CUSTOMER,   Paying,
                CANCEL,            Cancelled,
                BILL,              Completed,
                GET,               Paying,
                RESUME_ITEM_ENTRY, EnteringItem);
        row(Completed,
                GET,               Completed);
        row(Cancelled,
                GET,               Cancelled);
    }

    private CartStateMachine() {
    }

    private static void row(CartState state, Object... eventsAndTargets) {
        Map<CartEvent, CartState> row = new EnumMap<>(CartEvent.class);
        for (int i = 0; i < eventsAndTargets.length; i += 2) {
            row.put((CartEvent) eventsAndTargets[i], (CartState) eventsAndTargets[i + 1]);
        }
        TABLE.put(state, Collections.unmodifiableMap(row));
    }

    /** The next state, or empty when the event is not allowed in {@code state}. */
    public static Optional<CartState> next(CartState state, CartEvent event) {
        return Optional.ofNullable(TABLE.getOrDefault(state, Map.of()).get(event));
    }

    public static boolean allows(CartState state, CartEvent event) {
        return next(state, event).isPresent();
    }

    /** The next state; throws 400/300004 {@code "Invalid event: <operation> for state: <State>"} if not allowed. */
    public static CartState transition(CartState state, CartEvent event) {
        return next(state, event).orElseThrow(() -> invalidEvent(state, event));
    }

    public static ApiException invalidEvent(CartState state, CartEvent event) {
        return ApiException.invalidState("Invalid event: " + event.operation() + " for state: " + state);
    }

    /** The whole table, read-only. */
    public static Map<CartState, Map<CartEvent, CartState>> table() {
        return Collections.unmodifiableMap(TABLE);
    }
}
