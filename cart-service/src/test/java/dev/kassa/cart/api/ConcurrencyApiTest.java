package dev.kassa.cart.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A cart under concurrent requests loses no line; concurrent bills never share or skip a number. */
@QuarkusTest
class ConcurrencyApiTest extends CartApiTestBase {

    static <T> List<T> parallel(int threads, List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<T> out = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(tasks)) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fiftyParallelAddItemsOnOneCartGiveFiftyLines() throws Exception {
        String tenant = newTenant();
        String token = terminalToken(tenant, 9);
        String cartId = createCart(token);
        addItem(token, cartId, "49-01", 1); // warms the item cache
        as(token).post("/api/v1/carts/" + cartId + "/lineItems/1/cancel").then().statusCode(200);

        List<Integer> statuses = parallel(50, IntStream.range(0, 50).<Callable<Integer>>mapToObj(i -> () ->
                as(token).body(List.of(Map.of("itemCode", "49-01", "quantity", 1)))
                        .post("/api/v1/carts/" + cartId + "/lineItems").statusCode()).toList());
        assertEquals(List.of(200), statuses.stream().distinct().toList());

        as(token).get("/api/v1/carts/" + cartId).then().statusCode(200)
                .body("data.lineItems", hasSize(51))
                .body("data.totalQuantity", equalTo(50))
                .body("data.totalAmount", equalTo(5000))
                .body("data.totalAmountWithTax", equalTo(5500));
    }

    @Test
    void hundredParallelBillsOnOneTerminalGiveConsecutiveNumbers() throws Exception {
        String tenant = newTenant();
        String token = terminalToken(tenant, 9);
        List<String> carts = parallel(10, IntStream.range(0, 100).<Callable<String>>mapToObj(i -> () ->
                paidCart(token)).toList());

        List<Response> bills = parallel(100, carts.stream().<Callable<Response>>map(id -> () ->
                as(token).post("/api/v1/carts/" + id + "/bill")).toList());
        List<Integer> numbers = new ArrayList<>();
        for (Response r : bills) {
            assertEquals(200, r.statusCode(), r.asString());
            numbers.add(r.jsonPath().getInt("data.transactionNo"));
        }
        assertEquals(IntStream.rangeClosed(1, 100).boxed().toList(), numbers.stream().sorted().toList());

        as(token).get(transactionsPath(tenant, 9) + "?business_date=" + BUSINESS_DATE
                        + "&open_counter=1&include_cancelled=true&limit=1&sort=transaction_no:-1")
                .then().statusCode(200)
                .body("metadata.total", equalTo(100))
                .body("data[0].transactionNo", equalTo(100))
                .body("data[0].receiptNo", equalTo(111210));
    }
}
