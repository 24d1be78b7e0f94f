package dev.kassa.cart.api;

import dev.kassa.common.recommendation.RecommendationKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /carts/{id}/recommendations}: the recommendation service's answer for the cart's items
 * (served here by the master-data double), and with that service down or hanging, the store's popular
 * items from the model's Redis within the deadline, while the sale goes on untouched.
 */
@QuarkusTest
class RecommendationApiTest extends CartApiTestBase {
    /** The timeout (1 s in tests, 200 ms in production) and some room; far below the double's 10 s hang. */
    private static final long WITHIN_DEADLINE_MS = 2_000;

    @Inject
    CircuitBreakerMaintenance breakers;
    @Inject
    RedisDataSource redis;

    @AfterEach
    void restore() {
        MasterDataDouble.recommendations("up");
        breakers.resetAll();
    }

    private static JsonPath recommend(String token, String cartId, int limit) {
        return as(token).get("/api/v1/carts/" + cartId + "/recommendations?limit=" + limit)
                .then().statusCode(200).body("success", equalTo(true)).extract().jsonPath();
    }

    /**
     * The answer once the service answered in time: on a loaded test machine a call may miss its
     * deadline, and the fallback (empty here: these tenants have no model) is the right answer then.
     */
    private JsonPath fromService(String token, String cartId, int limit) {
        JsonPath[] answer = new JsonPath[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            answer[0] = recommend(token, cartId, limit);
            if (answer[0].getList("data").isEmpty()) {
                breakers.resetAll();
                return false;
            }
            return true;
        });
        return answer[0];
    }

    @Test
    void asksTheServiceWithTheCartsItemsAndNeverReturnsOneOfThem() {
        String tenant = newTenant();
        String token = terminalToken(tenant, 1);
        String cartId = createCart(token);
        addItem(token, cartId, "49-01", 1);
        addItem(token, cartId, "P100-A", 1);
        addItem(token, cartId, "49-01", 1); // twice in the cart, asked once

        JsonPath answer = fromService(token, cartId, 2);
        assertEquals(List.of("R-1", "R-2"), answer.getList("data.itemCode"));
        assertEquals(List.of("co_purchase", "popular"), answer.getList("data.reason"));
        assertEquals(0.9f, answer.getFloat("data[0].score"));
        assertEquals(tenant + "|" + STORE + "|49-01,P100-A|2|Bearer " + token,
                MasterDataDouble.lastRecommendQuestion());

        // an empty cart asks for the store's popular items; the default limit is 5
        String empty = createCart(token);
        assertEquals(List.of("R-1", "R-2", "R-3"), fromService(token, empty, 5).getList("data.itemCode"));
        as(token).get("/api/v1/carts/" + empty + "/recommendations").then().statusCode(200);
        assertTrue(MasterDataDouble.lastRecommendQuestion().endsWith("||5|Bearer " + token));
    }

    @Test
    void serviceDownOrHangingFallsBackToTheStoresPopularItemsWithinTheDeadlineAndTheSaleGoesOn() {
        String tenant = newTenant();
        String token = terminalToken(tenant, 2);
        plantPopularity(tenant);
        for (String mode : List.of("down", "slow")) {
            MasterDataDouble.recommendations(mode);
            breakers.resetAll();
            String cartId = createCart(token);
            addItem(token, cartId, "49-01", 1);
            for (int ask = 0; ask < 6; ask++) { // past the breaker's threshold: it opens, the answer stays the same
                long started = System.nanoTime();
                JsonPath answer = recommend(token, cartId, 3);
                long tookMs = (System.nanoTime() - started) / 1_000_000;
                assertTrue(tookMs < WITHIN_DEADLINE_MS, mode + ": answered after " + tookMs + " ms");
                // store popularity (deleted DEL-1 and the cart's 49-01 left out), then the tenant's to fill up
                assertEquals(List.of("P100-B", "P100-C", "P100-T"), answer.getList("data.itemCode"), mode);
                assertEquals(List.of("popular", "popular", "popular"), answer.getList("data.reason"), mode);
                assertEquals(0.3f, answer.getFloat("data[0].score"), 1e-6, mode);
                assertEquals(0.1f, answer.getFloat("data[2].score"), 1e-6, mode);
            }
            // the sale itself never waits for recommendations
            addItem(token, cartId, "P100-B", 1);
            recommend(token, cartId, 3);
            post(token, cartId, "subtotal", null);
            post(token, cartId, "payments", List.of(Map.of("paymentCode", "01", "amount", 1000)));
            as(token).post("/api/v1/carts/" + cartId + "/bill").then().statusCode(200)
                    .body("data.cartStatus", equalTo("Completed"))
                    .body("data.totalAmountWithTax", equalTo(220));
        }
    }

    @Test
    void withNoServiceAndNoModelTheAnswerIsAnEmptyListAndNoOtherTenantsPopularity() {
        plantPopularity(newTenant());
        String tenant = newTenant();
        String token = terminalToken(tenant, 3);
        String cartId = createCart(token);
        MasterDataDouble.recommendations("down");
        as(token).get("/api/v1/carts/" + cartId + "/recommendations").then().statusCode(200)
                .body("success", equalTo(true)).body("data", empty());
    }

    @Test
    void badLimitsAndOtherTerminalsCartsAreRefused() {
        String tenant = newTenant();
        String token = terminalToken(tenant, 4);
        String cartId = createCart(token);
        for (String limit : List.of("0", "51", "-1")) {
            as(token).get("/api/v1/carts/" + cartId + "/recommendations?limit=" + limit).then().statusCode(422)
                    .body("success", equalTo(false)).body("userError.code", equalTo("300001"));
        }
        as(token).get("/api/v1/carts/" + cartId + "/recommendations?limit=abc").then().statusCode(422)
                .body("success", equalTo(false));
        as(terminalToken(tenant, 5)).get("/api/v1/carts/" + cartId + "/recommendations").then().statusCode(404)
                .body("success", equalTo(false));
        as(terminalToken(newTenant(), 4)).get("/api/v1/carts/" + cartId + "/recommendations").then().statusCode(404);
        assertEquals(List.of("R-1"), fromService(token, cartId, 1).getList("data.itemCode"));
    }

    /**
     * The model as the recommendation service leaves it: store 5678 with 100 baskets (49-01 in 50,
     * P100-B in 30, DEL-1 in 20 but deleted since, P100-C in 10), the tenant with 200 (P100-T in 20).
     */
    private void plantPopularity(String tenant) {
        var sorted = redis.sortedSet(String.class);
        sorted.zadd(RecommendationKeys.storePopular(tenant, STORE),
                Map.of("49-01", 50.0, "P100-B", 30.0, "DEL-1", 20.0, "P100-C", 10.0));
        redis.value(String.class).set(RecommendationKeys.storeBaskets(tenant, STORE), "100");
        sorted.zadd(RecommendationKeys.tenantPopular(tenant), Map.of("P100-B", 60.0, "P100-T", 20.0));
        redis.value(String.class).set(RecommendationKeys.tenantBaskets(tenant), "200");
        redis.set(String.class).sadd(RecommendationKeys.deletedItems(tenant), "DEL-1");
    }
}
