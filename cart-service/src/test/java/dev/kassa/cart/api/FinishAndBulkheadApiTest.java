package dev.kassa.cart.api;

import dev.kassa.common.test.KassaInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static dev.kassa.cart.api.ConcurrencyApiTest.parallel;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Finishing a cart is idempotent to the terminal (concurrent or repeated bill, cancel, void, return
 * never answer 5xx; a lost Redis write after the commit is repaired from the stored transaction), one
 * caller's bad input never opens the shared master-data breaker, and the cart's inputs are bounded.
 */
@QuarkusTest
class FinishAndBulkheadApiTest extends CartApiTestBase {

    @Inject
    CircuitBreakerMaintenance breakers;

    @AfterEach
    void restore() {
        breakers.resetAll();
    }

    @Test
    void twentyConcurrentBillsOfOneCartAllAnswerTheSameTransaction() throws Exception {
        String tenant = newTenant();
        String token = terminalToken(tenant, 9);
        String cartId = paidCart(token);

        List<Response> answers = parallel(20, Collections.nCopies(20, (Callable<Response>) () ->
                as(token).post("/api/v1/carts/" + cartId + "/bill")));
        assertFinishedOnce(answers, "Completed");
        as(token).get(transactionsPath(tenant, 9) + "?include_cancelled=true").then().statusCode(200)
                .body("metadata.total", equalTo(1));
        // a later repeat is the contract's 4xx, not a second transaction
        as(token).post("/api/v1/carts/" + cartId + "/bill").then().statusCode(400).body("success", is(false));
    }

    @Test
    void twentyConcurrentCancelsOfOneCartAllAnswerTheSameTransaction() throws Exception {
        String tenant = newTenant();
        String token = terminalToken(tenant, 9);
        String cartId = createCart(token);
        addItem(token, cartId, "49-01", 1);

        List<Response> answers = parallel(20, Collections.nCopies(20, (Callable<Response>) () ->
                as(token).post("/api/v1/carts/" + cartId + "/cancel")));
        assertFinishedOnce(answers, "Cancelled");
        as(token).get(transactionsPath(tenant, 9) + "?include_cancelled=true").then().statusCode(200)
                .body("metadata.total", equalTo(1));
    }

    /**
     * Calls that overlap the winner answer its finished cart (200, same numbers); one that comes after
     * the finished cart is stored gets the contract's 400/300004, as any repeat does. Never a 5xx.
     */
    private static void assertFinishedOnce(List<Response> answers, String state) {
        List<Response> ok = answers.stream().filter(r -> r.statusCode() == 200).toList();
        assertTrue(!ok.isEmpty(), "no call finished the cart");
        for (Response r : answers) {
            if (r.statusCode() == 200) {
                assertEquals(state, r.jsonPath().getString("data.cartStatus"));
                assertEquals(1, r.jsonPath().getInt("data.transactionNo"));
                assertEquals(ok.get(0).jsonPath().getLong("data.receiptNo"), r.jsonPath().getLong("data.receiptNo"));
            } else {
                assertEquals(400, r.statusCode(), r.asString());
                assertEquals("300004", r.jsonPath().getString("userError.code"));
            }
        }
    }

    @Test
    void concurrentVoidsAndReturnsOfOneTransactionApplyOnceAndNeverAnswer5xx() throws Exception {
        String tenant = newTenant();
        String token = terminalToken(tenant, 9);
        for (int i = 0; i < 2; i++) {
            as(token).post("/api/v1/carts/" + paidCart(token) + "/bill").then().statusCode(200);
        }
        String tx = transactionsPath(tenant, 9);
        List<Map<String, Object>> cash220 = List.of(Map.of("paymentCode", "01", "amount", 220));
        for (String op : List.of("1/void", "2/return")) {
            List<Integer> statuses = parallel(20, Collections.nCopies(20, (Callable<Integer>) () ->
                    as(token).body(cash220).post(tx + "/" + op).statusCode()));
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), op + " " + statuses);
            assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 400), op + " " + statuses);
        }
        // two sales, one void, one return
        as(token).get(tx + "?include_cancelled=true").then().statusCode(200).body("metadata.total", equalTo(4));
    }

    /**
     * The bill commits, then Redis is gone before the finished cart is written: the terminal sees a
     * clean 503. Once Redis is back the repeated bill answers the stored transaction, not a new one.
     * The commit is held back by a lock on the terminal's counter row, so Redis can be stopped between
     * the cart's read and its write.
     */
    @Test
    void aLostRedisWriteAfterTheCommitIsAnsweredFromTheStoredTransaction() throws Exception {
        String tenant = newTenant();
        String token = terminalToken(tenant, 9);
        as(token).post("/api/v1/carts/" + paidCart(token) + "/bill").then().statusCode(200); // the counter row
        String cartId = paidCart(token);

        Map<String, String> pg = KassaInfra.config("cart");
        CompletableFuture<Response> bill;
        try (Connection c = DriverManager.getConnection(pg.get("quarkus.datasource.jdbc.url"),
                pg.get("quarkus.datasource.username"), pg.get("quarkus.datasource.password"))) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SELECT * FROM \"t_" + tenant + "\".terminal_counter FOR UPDATE");
            }
            bill = CompletableFuture.supplyAsync(() -> as(token).post("/api/v1/carts/" + cartId + "/bill"));
            waitForLockWaiter(c);
            KassaInfra.stop(KassaInfra.Service.REDIS);
            c.commit();
        }
        try {
            Response failed = bill.get();
            assertEquals(503, failed.statusCode(), failed.asString());
            assertEquals(false, failed.jsonPath().getBoolean("success"));
        } finally {
            KassaInfra.start(KassaInfra.Service.REDIS);
        }
        as(token).get(transactionsPath(tenant, 9) + "?include_cancelled=true").then().statusCode(200)
                .body("metadata.total", equalTo(2));

        Response again = as(token).post("/api/v1/carts/" + cartId + "/bill");
        assertEquals(200, again.statusCode(), again.asString());
        again.then().body("data.cartStatus", equalTo("Completed")).body("data.transactionNo", equalTo(2));
        as(token).get("/api/v1/carts/" + cartId).then().statusCode(200)
                .body("data.cartStatus", equalTo("Completed")).body("data.transactionNo", equalTo(2));
        as(token).get(transactionsPath(tenant, 9) + "?include_cancelled=true").then().statusCode(200)
                .body("metadata.total", equalTo(2));
    }

    private static void waitForLockWaiter(Connection holder) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        try (Statement s = holder.createStatement()) {
            while (System.currentTimeMillis() < deadline) {
                try (var rs = s.executeQuery("SELECT count(*) FROM pg_locks WHERE NOT granted")) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the bill never waited for the counter row");
    }

    @Test
    void oneTenantsFailingItemsNeverOpenTheBreakerForAnotherTenant() {
        String tenantA = newTenant();
        String tokenA = terminalToken(tenantA, 9);
        String cartA = createCart(tokenA);
        long callsBefore = MasterDataDouble.itemCalls();
        // an overlong code is refused before any remote call
        as(tokenA).body(List.of(Map.of("itemCode", "X".repeat(10_000), "quantity", 1)))
                .post("/api/v1/carts/" + cartA + "/lineItems").then().statusCode(422)
                .body("userError.code", equalTo("300001"));
        assertEquals(callsBefore, MasterDataDouble.itemCalls());
        // items on which master data fails internally: an answer for that item, not an outage
        for (int i = 0; i < 10; i++) {
            as(tokenA).body(List.of(Map.of("itemCode", "FAIL-" + UUID.randomUUID(), "quantity", 1)))
                    .post("/api/v1/carts/" + cartA + "/lineItems").then().statusCode(503)
                    .body("userError.code", equalTo("601001"));
        }
        String tokenB = terminalToken(newTenant(), 9);
        String cartB = createCart(tokenB);
        addItem(tokenB, cartB, "P100-" + UUID.randomUUID(), 1);
        addItem(tokenA, cartA, "P100-" + UUID.randomUUID(), 1);
    }

    @Test
    void hugeAndNegativeHugeNumbersAreRefusedAndChangeNothing() {
        String token = terminalToken(newTenant(), 9);
        String cartId = createCart(token);
        addItem(token, cartId, "49-01", 1);
        for (String number : List.of("1e10000", "-1e100000", "1234567890123.5")) {
            Response r = as(token).body("{\"unitPrice\": " + number + "}")
                    .patch("/api/v1/carts/" + cartId + "/lineItems/1/unitPrice");
            assertEquals(422, r.statusCode(), r.asString());
            assertEquals("300001", r.jsonPath().getString("userError.code"));
            assertTrue(r.asString().length() < 2000, "error of " + r.asString().length() + " bytes");
            r = as(token).body("[{\"itemCode\": \"49-01\", \"quantity\": 1, \"unitPrice\": " + number + "}]")
                    .post("/api/v1/carts/" + cartId + "/lineItems");
            assertEquals(422, r.statusCode(), r.asString());
        }
        post(token, cartId, "subtotal", null);
        Response r = as(token).body("[{\"paymentCode\": \"01\", \"amount\": 1e10000}]")
                .post("/api/v1/carts/" + cartId + "/payments");
        assertEquals(422, r.statusCode(), r.asString());
        as(token).get("/api/v1/carts/" + cartId).then().statusCode(200)
                .body("data.lineItems", hasSize(1)).body("data.totalAmount", equalTo(100))
                .body("data.payments", hasSize(0));
    }

    @Test
    void aCartHoldsAtMostAThousandLines() {
        String token = terminalToken(newTenant(), 9);
        String cartId = createCart(token);
        addItem(token, cartId, "49-01", 1);
        List<Map<String, Object>> thousand = new ArrayList<>();
        IntStream.range(0, 1000).forEach(i -> thousand.add(Map.of("itemCode", "49-01", "quantity", 1)));
        as(token).body(thousand).post("/api/v1/carts/" + cartId + "/lineItems").then().statusCode(422)
                .body("userError.code", equalTo("300001")); // 1 + 1000 lines
        as(token).body(thousand.subList(0, 999)).post("/api/v1/carts/" + cartId + "/lineItems").then()
                .statusCode(200).body("data.lineItems", hasSize(1000));
        as(token).body(List.of(Map.of("itemCode", "49-01", "quantity", 1)))
                .post("/api/v1/carts/" + cartId + "/lineItems").then().statusCode(422);
        thousand.add(Map.of("itemCode", "49-01", "quantity", 1));
        as(token).body(thousand).post("/api/v1/carts/" + createCart(token) + "/lineItems").then().statusCode(422);
        as(token).get("/api/v1/carts/" + cartId).then().statusCode(200).body("data.lineItems", hasSize(1000));
    }
}
