package dev.kassa.cart.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Retries with an Idempotency-Key apply once and answer the first answer; a reused key is refused. */
@QuarkusTest
class IdempotencyApiTest extends CartApiTestBase {
    static final String KEY = "Idempotency-Key";

    static Response addWithKey(String token, String cartId, String key, String itemCode, int quantity) {
        return as(token).header(KEY, key).body(List.of(Map.of("itemCode", itemCode, "quantity", quantity)))
                .post("/api/v1/carts/" + cartId + "/lineItems");
    }

    @Test
    void retriedAddItemAndBillApplyOnceAndAReusedKeyIsRefused() {
        String tenant = newTenant();
        String token = terminalToken(tenant, 3);

        // create: the retry answers the same cart, not a second one
        String createKey = UUID.randomUUID().toString();
        Response created = as(token).header(KEY, createKey).post("/api/v1/carts");
        Response createdAgain = as(token).header(KEY, createKey).post("/api/v1/carts");
        assertEquals(201, created.statusCode(), created.asString());
        assertEquals(201, createdAgain.statusCode());
        assertEquals(created.asString(), createdAgain.asString());
        assertEquals("true", createdAgain.header("Idempotent-Replayed"));
        assertNull(created.header("Idempotent-Replayed"));
        String cartId = created.jsonPath().getString("data.cartId");

        // add-item: the retry answers the first answer and the cart has one line
        String addKey = UUID.randomUUID().toString();
        Response added = addWithKey(token, cartId, addKey, "49-01", 2);
        Response addedAgain = addWithKey(token, cartId, addKey, "49-01", 2);
        assertEquals(200, added.statusCode(), added.asString());
        assertEquals(200, addedAgain.statusCode());
        assertEquals(added.asString(), addedAgain.asString());
        as(token).get("/api/v1/carts/" + cartId).then().statusCode(200)
                .body("data.lineItems", hasSize(1)).body("data.totalQuantity", equalTo(2));

        // the same key with another body: refused, nothing applied
        addWithKey(token, cartId, addKey, "49-01", 3).then().statusCode(422)
                .body("success", equalTo(false)).body("code", equalTo(422))
                .body("userError.code", equalTo("300001"));
        // a key past its bound or with control characters: refused, nothing applied
        addWithKey(token, cartId, "k".repeat(256), "49-01", 1).then().statusCode(422)
                .body("userError.code", equalTo("300001"));
        addWithKey(token, cartId, "a b", "49-01", 1).then().statusCode(422);
        // the same key on another cart is another request (the path is part of the scope)
        String otherCart = createCart(token);
        addWithKey(token, otherCart, addKey, "49-01", 2).then().statusCode(200).body("data.lineItems", hasSize(1));
        // another terminal of the tenant never sees this terminal's answers
        String other = terminalToken(tenant, 4);
        String theirs = createCart(other);
        addWithKey(other, theirs, addKey, "49-01", 5).then().statusCode(200).body("data.totalQuantity", equalTo(5));
        as(token).get("/api/v1/carts/" + cartId).then().statusCode(200)
                .body("data.lineItems", hasSize(1)).body("data.totalQuantity", equalTo(2));

        // bill: the retry answers the same transaction and no second one is written
        post(token, cartId, "subtotal", null);
        post(token, cartId, "payments", List.of(Map.of("paymentCode", "01", "amount", 1000)));
        String billKey = UUID.randomUUID().toString();
        Response billed = as(token).header(KEY, billKey).post("/api/v1/carts/" + cartId + "/bill");
        Response billedAgain = as(token).header(KEY, billKey).post("/api/v1/carts/" + cartId + "/bill");
        assertEquals(200, billed.statusCode(), billed.asString());
        assertEquals(200, billedAgain.statusCode());
        assertEquals(billed.asString(), billedAgain.asString());
        assertEquals(1, billed.jsonPath().getInt("data.transactionNo"));
        // without the key a repeated bill is the contract's 400 (the cart is completed), as before
        as(token).post("/api/v1/carts/" + cartId + "/bill").then().statusCode(400);
        as(token).get(transactionsPath(tenant, 3) + "?include_cancelled=true").then().statusCode(200)
                .body("metadata.total", equalTo(1)).body("data[0].transactionNo", equalTo(1));
    }

    @Test
    void concurrentRetriesWithOneKeyApplyOnce() throws Exception {
        String tenant = newTenant();
        String token = terminalToken(tenant, 5);
        String cartId = createCart(token);
        addItem(token, cartId, "49-01", 1); // warms the item cache
        String key = UUID.randomUUID().toString();

        List<Response> answers = ConcurrencyApiTest.parallel(8, IntStream.range(0, 8).<Callable<Response>>mapToObj(
                i -> () -> addWithKey(token, cartId, key, "49-01", 1)).toList());
        String first = null;
        int applied = 0;
        for (Response r : answers) {
            assertTrue(r.statusCode() == 200 || r.statusCode() == 409, r.asString());
            if (r.statusCode() == 200) {
                applied++;
                if (first == null) {
                    first = r.asString();
                }
                assertEquals(first, r.asString()); // every 200 is the one answer
            } else {
                assertEquals("500005", r.jsonPath().getString("userError.code"));
            }
        }
        assertNotEquals(0, applied);
        as(token).get("/api/v1/carts/" + cartId).then().statusCode(200)
                .body("data.lineItems", hasSize(2)).body("data.totalQuantity", equalTo(2));
    }
}
