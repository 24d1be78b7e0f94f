package dev.kassa.cart.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.common.test.KafkaProbe;
import dev.kassa.common.test.KassaInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Faults: Kafka down during bill (outbox), master data down (cached items sell, uncached fail fast). */
@QuarkusTest
class FaultApiTest extends CartApiTestBase {

    @Inject
    CircuitBreakerMaintenance breakers;

    @AfterEach
    void restore() {
        MasterDataDouble.bringUp();
        breakers.resetAll();
    }

    @Test
    void billWithKafkaStoppedCompletesAndTheTranlogArrivesLater() {
        String tenant = newTenant();
        String token = terminalToken(tenant, 9);
        String cartId = paidCart(token);
        KassaInfra.stopKafka();
        try {
            as(token).post("/api/v1/carts/" + cartId + "/bill").then().statusCode(200)
                    .body("data.cartStatus", equalTo("Completed")).body("data.transactionNo", equalTo(1));
        } finally {
            KassaInfra.startKafka();
        }
        List<JsonNode> logs = KafkaProbe.jsonWhere("pos.tranlog", "tenant_id", tenant, 1, Duration.ofSeconds(60));
        assertEquals(1, logs.size());
        assertEquals(1, logs.get(0).path("transaction_no").asInt());
        assertEquals(220, logs.get(0).path("sales").path("total_amount_with_tax").asInt());
    }

    @Test
    void masterDataDownCachedItemsSellAndUncachedOnesFailFastWith503() {
        String tenant = newTenant();
        String token = terminalToken(tenant, 9);
        String cartId = createCart(token);
        String cached = "P150-" + UUID.randomUUID();
        addItem(token, cartId, cached, 1);

        MasterDataDouble.takeDown();
        // open the breaker with uncached lookups
        for (int i = 0; i < 4; i++) {
            as(token).body(List.of(Map.of("itemCode", "P10-" + UUID.randomUUID(), "quantity", 1)))
                    .post("/api/v1/carts/" + cartId + "/lineItems").then().statusCode(503);
        }
        long start = System.nanoTime();
        as(token).body(List.of(Map.of("itemCode", "P10-" + UUID.randomUUID(), "quantity", 1)))
                .post("/api/v1/carts/" + cartId + "/lineItems").then().statusCode(503)
                .body("success", is(false)).body("userError.code", equalTo("601001"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 1500, "uncached item with the breaker open took " + millis + " ms");

        addItem(token, cartId, cached, 2);
        as(token).get("/api/v1/carts/" + cartId).then().statusCode(200)
                .body("data.totalQuantity", equalTo(3)).body("data.totalAmount", equalTo(450));
    }
}
