package dev.kassa.cart.api;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Carts are written by the compare-and-set script's SHA; a Redis that does not know the script
 * (restarted, flushed) gets its text once and every change still lands exactly once.
 */
@QuarkusTest
class ScriptReloadApiTest extends CartApiTestBase {

    @Inject
    RedisDataSource redis;

    @Test
    void aRedisThatForgotTheScriptStillTakesEveryChange() {
        String tenant = newTenant();
        String token = terminalToken(tenant, 3);
        String cartId = createCart(token);
        addItem(token, cartId, "49-01", 1);

        redis.execute("SCRIPT", "FLUSH");
        addItem(token, cartId, "49-01", 2);
        redis.execute("SCRIPT", "FLUSH");
        post(token, cartId, "subtotal", null);
        post(token, cartId, "payments", List.of(Map.of("paymentCode", "01", "amount", 1000)));
        redis.execute("SCRIPT", "FLUSH");
        post(token, cartId, "bill", null);

        as(token).get("/api/v1/carts/" + cartId).then().statusCode(200)
                .body("data.cartStatus", equalTo("Completed"))
                .body("data.lineItems", hasSize(2))
                .body("data.totalQuantity", equalTo(3))
                .body("data.totalAmountWithTax", equalTo(330))
                .body("data.transactionNo", equalTo(1));
    }
}
