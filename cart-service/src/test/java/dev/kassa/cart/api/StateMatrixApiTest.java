package dev.kassa.cart.api;

import dev.kassa.cart.domain.CartEvent;
import dev.kassa.cart.domain.CartState;
import dev.kassa.cart.domain.CartStateMachine;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every (state, operation) pair over HTTP: allowed ones answer 200 with the state the table
 * names, the others 400 with 300004 "Invalid event: <op> for state: <State>".
 */
@QuarkusTest
class StateMatrixApiTest extends CartApiTestBase {
    static String tenant;
    static String token;

    @BeforeEach
    void setUp() {
        if (tenant == null) {
            tenant = newTenant();
            token = terminalToken(tenant, 9);
        }
    }

    static Stream<Arguments> pairs() {
        return Stream.of(CartState.Idle, CartState.EnteringItem, CartState.Paying, CartState.Completed,
                        CartState.Cancelled)
                .flatMap(s -> Arrays.stream(CartEvent.values()).filter(e -> e != CartEvent.CREATE)
                        .map(e -> Arguments.of(s, e)));
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("pairs")
    void operationInState(CartState state, CartEvent event) {
        String cartId = cartIn(state, state == CartState.Paying && event == CartEvent.BILL);
        Response r = perform(cartId, event);
        if (CartStateMachine.allows(state, event)) {
            assertEquals(200, r.statusCode(), r.asString());
            assertEquals(CartStateMachine.next(state, event).orElseThrow().name(),
                    r.jsonPath().getString("data.cartStatus"));
        } else {
            assertEquals(400, r.statusCode(), r.asString());
            assertEquals("300004", r.jsonPath().getString("userError.code"));
            assertEquals("Invalid event: " + event.operation() + " for state: " + state,
                    r.jsonPath().getString("userError.message"));
        }
    }

    private String cartIn(CartState state, boolean paid) {
        String cartId = createCart(token);
        if (state == CartState.Idle) {
            return cartId;
        }
        if (state == CartState.Cancelled) {
            post(token, cartId, "cancel", null);
            return cartId;
        }
        addItem(token, cartId, "49-01", 1);
        if (state == CartState.EnteringItem) {
            return cartId;
        }
        post(token, cartId, "subtotal", null);
        if (state == CartState.Paying && !paid) {
            return cartId;
        }
        post(token, cartId, "payments", List.of(Map.of("paymentCode", "01", "amount", 1000)));
        if (state == CartState.Completed) {
            post(token, cartId, "bill", null);
        }
        return cartId;
    }

    private Response perform(String cartId, CartEvent event) {
        String base = "/api/v1/carts/" + cartId;
        RequestSpecification spec = as(token);
        return switch (event) {
            case GET -> spec.get(base);
            case CANCEL -> spec.post(base + "/cancel");
            case ADD_ITEM -> spec.body(List.of(Map.of("itemCode", "49-01", "quantity", 1))).post(base + "/lineItems");
            case ADD_LINE_DISCOUNT -> spec.body(List.of(Map.of("discountType", "DiscountAmount", "discountValue", 10)))
                    .post(base + "/lineItems/1/discounts");
            case CANCEL_LINE_ITEM -> spec.post(base + "/lineItems/1/cancel");
            case UPDATE_QUANTITY -> spec.body(Map.of("quantity", 3)).patch(base + "/lineItems/1/quantity");
            case UPDATE_UNIT_PRICE -> spec.body(Map.of("unitPrice", 90)).patch(base + "/lineItems/1/unitPrice");
            case SUBTOTAL -> spec.post(base + "/subtotal");
            case ADD_CART_DISCOUNT -> spec.body(List.of(Map.of("discountType", "DiscountAmount", "discountValue", 10)))
                    .post(base + "/discounts");
            case ADD_PAYMENT -> spec.body(List.of(Map.of("paymentCode", "01", "amount", 1000))).post(base + "/payments");
            case BILL -> spec.post(base + "/bill");
            case RESUME_ITEM_ENTRY -> spec.post(base + "/resume-item-entry");
            case ATTACH_CUSTOMER -> spec.body(Map.of("customer_code", "PT10-matrix")).put(base + "/customer");
            case DETACH_CUSTOMER -> spec.delete(base + "/customer");
            case CREATE -> throw new IllegalArgumentException();
        };
    }
}
