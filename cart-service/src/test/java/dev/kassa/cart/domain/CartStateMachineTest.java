package dev.kassa.cart.domain;

import dev.kassa.common.api.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.kassa.cart.domain.CartEvent.*;
import static dev.kassa.cart.domain.CartState.*;
import static org.junit.jupiter.api.Assertions.*;

/** The table itself, against the contract's table written out again here: every (state, event) pair. */
class CartStateMachineTest {

    /**
     * kugel-features.md §4 "State machine", transcribed independently of the production table, plus
     * Kassa's customer operations: allowed while the cart is open, keeping its state.
     */
    static final Map<CartState, Map<CartEvent, CartState>> CONTRACT = new EnumMap<>(CartState.class);

    static {
        CONTRACT.put(Initial, Map.of(CREATE, Idle));
        CONTRACT.put(Idle, Map.of(ADD_ITEM, EnteringItem, GET, Idle, CANCEL, Cancelled, ATTACH_CUSTOMER, Idle,
                DETACH_CUSTOMER, Idle));
        Map<CartEvent, CartState> entering = new EnumMap<>(CartEvent.class);
        for (CartEvent e : List.of(ADD_ITEM, ADD_LINE_DISCOUNT, ADD_PAYMENT, CANCEL_LINE_ITEM, UPDATE_QUANTITY,
                UPDATE_UNIT_PRICE, GET, ATTACH_CUSTOMER, DETACH_CUSTOMER)) {
            entering.put(e, EnteringItem);
        }
        entering.put(CANCEL, Cancelled);
        entering.put(SUBTOTAL, Paying);
        CONTRACT.put(EnteringItem, entering);
        CONTRACT.put(Paying, Map.of(ADD_CART_DISCOUNT, Paying, ADD_PAYMENT, Paying, GET, Paying, CANCEL, Cancelled,
                BILL, Completed, RESUME_ITEM_ENTRY, EnteringItem, ATTACH_CUSTOMER, Paying, DETACH_CUSTOMER, Paying));
        CONTRACT.put(Completed, Map.of(GET, Completed));
        CONTRACT.put(Cancelled, Map.of(GET, Cancelled));
    }

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (CartState s : CartState.values()) {
            for (CartEvent e : CartEvent.values()) {
                pairs.add(Arguments.of(s, e, CONTRACT.get(s).get(e)));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} x {1} -> {2}")
    @MethodSource("everyPair")
    void everyStateAndEvent(CartState state, CartEvent event, CartState expected) {
        if (expected != null) {
            assertEquals(expected, CartStateMachine.transition(state, event));
            assertTrue(CartStateMachine.allows(state, event));
        } else {
            ApiException e = assertThrows(ApiException.class, () -> CartStateMachine.transition(state, event));
            assertEquals(400, e.status());
            assertEquals("300004", e.errorCode());
            assertEquals("Invalid event: " + event.operation() + " for state: " + state, e.getMessage());
            assertFalse(CartStateMachine.allows(state, event));
            assertTrue(CartStateMachine.next(state, event).isEmpty());
        }
    }

    @Test
    void tableIsExactlyTheContract() {
        assertEquals(CONTRACT, CartStateMachine.table());
        assertEquals(90, CartState.values().length * CartEvent.values().length);
    }

    @Test
    void messageUsesKugelOperationNames() {
        ApiException e = assertThrows(ApiException.class, () -> CartStateMachine.transition(Paying, ADD_ITEM));
        assertEquals("Invalid event: add_item_to_cart_async for state: Paying", e.getMessage());
    }

    @Test
    void finalStatesOnlyAnswerGet() {
        assertTrue(Completed.isFinal());
        assertTrue(Cancelled.isFinal());
        assertFalse(Paying.isFinal());
        for (CartEvent e : CartEvent.values()) {
            assertEquals(e == GET, CartStateMachine.allows(Completed, e));
            assertEquals(e == GET, CartStateMachine.allows(Cancelled, e));
        }
    }

    @Test
    void theTableCannotBeChanged() {
        assertThrows(UnsupportedOperationException.class, () -> CartStateMachine.table().put(Idle, Map.of()));
        assertThrows(UnsupportedOperationException.class, () -> CartStateMachine.table().get(Idle).put(BILL, Completed));
    }
}
