package dev.kassa.stock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.common.auth.RevokedTokens;
import dev.kassa.common.event.TranLog;
import dev.kassa.common.test.TestTokens;
import dev.kassa.stock.alert.StockAlerts;
import dev.kassa.stock.domain.AlertType;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kugel-flows §8 with a real WebSocket client, the cooldown, the refusals and the Redis fan-out. */
@QuarkusTest
class AlertStreamTest extends StockTestBase {
    private static final String STORE = "5678";

    @Inject
    RevokedTokens revoked;
    @Inject
    RedisDataSource redis;

    private static AlertClient connect(String tenant, String token) {
        return AlertClient.connect(RestAssured.port, tenant, STORE, token);
    }

    /** Waits a little for anything more to arrive, then returns the count of that item's alerts of that type. */
    private static int settle(AlertClient c, String item, String type) throws InterruptedException {
        Thread.sleep(1500);
        return c.alerts(item, type).size();
    }

    @Test
    void flow8ConnectCurrentAlertsReorderAlertFromASalePingPongAndCooldown() throws Exception {
        String t = newTenant();
        adjust(t, STORE, "49-01", 30);
        // An item already at its reorder point before anyone connects: a new client is told at once.
        adjust(t, STORE, "OLD", 5);
        as(t).body(Map.of("reorderPoint", 10, "reorderQuantity", 40)).put(stock(t, STORE) + "/OLD/reorder")
                .then().statusCode(200);
        try (AlertClient client = connect(t, TestTokens.user(t, "manager", false))) {
            client.awaitConnected();
            JsonNode hello = client.json().get(0);
            assertEquals("connection", hello.path("type").asText());
            assertEquals("connected", hello.path("status").asText());
            assertEquals(t, hello.path("tenant_id").asText());
            assertEquals(STORE, hello.path("store_code").asText());
            assertTrue(hello.path("message").asText().length() > 0);
            await().atMost(Duration.ofSeconds(20)).until(() -> client.alerts("OLD", "reorder_point").size() == 1);
            JsonNode current = client.alerts("OLD", "reorder_point").get(0);
            assertEquals(5, current.path("current_quantity").asInt());
            assertEquals(10, current.path("reorder_point").asInt());
            assertEquals(40, current.path("reorder_quantity").asInt());

            // PUT reorder {20, 50}: 30 is above it, nothing is pushed.
            as(t).body(Map.of("reorderPoint", 20, "reorderQuantity", 50)).put(stock(t, STORE) + "/49-01/reorder")
                    .then().statusCode(200);
            // A sale of 12 from the register takes 30 to 18, at or below 20: one reorder_point alert.
            send(tranlog(t, STORE, 1, TranLog.SALE, false, Line.of("49-01", 12)));
            await().atMost(Duration.ofSeconds(60)).until(() -> client.alerts("49-01", "reorder_point").size() == 1);
            JsonNode alert = client.alerts("49-01", "reorder_point").get(0);
            assertEquals("stock_alert", alert.path("type").asText());
            assertEquals(t, alert.path("tenant_id").asText());
            assertEquals(STORE, alert.path("store_code").asText());
            assertEquals(18, alert.path("current_quantity").asInt());
            assertEquals(20, alert.path("reorder_point").asInt());
            assertEquals(50, alert.path("reorder_quantity").asInt());
            assertTrue(alert.path("timestamp").asText().contains("T"));

            client.send("ping");
            client.awaitText("pong"::equals);

            // Within the cooldown a further drop through the API raises no second alert of that type.
            as(t).body(Map.of("quantityChange", -1, "updateType", "sale")).put(stock(t, STORE) + "/49-01/update")
                    .then().statusCode(200).body("data.afterQuantity", equalTo(17));
            assertEquals(1, settle(client, "49-01", "reorder_point"));

            // Once the cooldown is over (its Redis key gone), the next change alerts again.
            redis.key().del(StockAlerts.cooldownKey(t, STORE, "49-01", AlertType.REORDER_POINT));
            as(t).body(Map.of("quantityChange", -1, "updateType", "sale")).put(stock(t, STORE) + "/49-01/update")
                    .then().statusCode(200);
            await().atMost(Duration.ofSeconds(20)).until(() -> client.alerts("49-01", "reorder_point").size() == 2);
            assertEquals(16, client.alerts("49-01", "reorder_point").get(1).path("current_quantity").asInt());
        }
    }

    @Test
    void minimumStockAlertsAndTerminalClients() throws Exception {
        String t = newTenant();
        adjust(t, STORE, "M", 10);
        as(t).body(Map.of("minimumQuantity", 8)).put(stock(t, STORE) + "/M/minimum").then().statusCode(200);
        try (AlertClient terminal = connect(t, TestTokens.terminal(t, STORE, 1, Map.of()))) {
            terminal.awaitConnected();
            // 8 is not below the minimum of 8; 7 is.
            as(t).body(Map.of("quantityChange", -2, "updateType", "damage")).put(stock(t, STORE) + "/M/update")
                    .then().statusCode(200);
            as(t).body(Map.of("quantityChange", -1, "updateType", "damage")).put(stock(t, STORE) + "/M/update")
                    .then().statusCode(200);
            await().atMost(Duration.ofSeconds(20)).until(() -> terminal.alerts("M", "minimum_stock").size() == 1);
            JsonNode alert = terminal.alerts("M", "minimum_stock").get(0);
            assertEquals(7, alert.path("current_quantity").asInt());
            assertEquals(8, alert.path("minimum_quantity").asInt());
            assertTrue(alert.has("reorder_quantity"));
            assertEquals(1, settle(terminal, "M", "minimum_stock"));
            assertEquals(0, terminal.alerts("M", "reorder_point").size());
        }
    }

    @Test
    void anAlertPublishedByAnotherReplicaReachesThisReplicasClientsOnceAndOnlyTheirStore() throws Exception {
        String t = newTenant();
        try (AlertClient mine = connect(t, TestTokens.user(t, "manager", false));
             AlertClient otherStore = AlertClient.connect(RestAssured.port, t, "9999",
                     TestTokens.user(t, "manager", false))) {
            mine.awaitConnected();
            otherStore.awaitConnected();
            // Exactly what a replica that changed the stock publishes on the shared channel.
            String message = "{\"type\":\"stock_alert\",\"alert_type\":\"reorder_point\",\"tenant_id\":\"" + t
                    + "\",\"store_code\":\"" + STORE + "\",\"item_code\":\"R1\",\"current_quantity\":3,"
                    + "\"reorder_point\":5,\"reorder_quantity\":10,\"timestamp\":\"2025-01-01T00:00:00Z\"}";
            redis.pubsub(String.class).publish("kassa:stock:alerts", message);
            await().atMost(Duration.ofSeconds(20)).until(() -> mine.alerts("R1", "reorder_point").size() == 1);
            assertEquals(message, mine.texts.stream().filter(s -> s.contains("\"R1\"")).findFirst().orElseThrow());
            assertEquals(1, settle(mine, "R1", "reorder_point"));
            assertEquals(0, otherStore.allAlerts().size());
        }
    }

    @Test
    void badTokensAndOtherTenantsAreClosedWith1008AndGetNothing() throws Exception {
        String t = newTenant();
        String other = newTenant();
        adjust(t, STORE, "X", 50);
        as(t).body(Map.of("reorderPoint", 60, "reorderQuantity", 10)).put(stock(t, STORE) + "/X/reorder")
                .then().statusCode(200);
        List<String> refused = List.of("", "not-a-jwt", TestTokens.expiredUser(t, "admin"),
                TestTokens.userSignedByStranger(t, "admin"), TestTokens.user(other, "admin", true),
                TestTokens.terminal(other, STORE, 1, Map.of()), TestTokens.service("cart", t),
                TestTokens.withRoles(t, "no-role"));
        for (String token : refused) {
            try (AlertClient c = connect(t, token)) {
                assertEquals(1008, c.awaitClose(), "token " + token);
                assertTrue(c.json().isEmpty(), "a refused client is told nothing");
            }
        }
        try (AlertClient none = connect(t, null)) {
            assertEquals(1008, none.awaitClose());
        }
        try (AlertClient badTenant = AlertClient.connect(RestAssured.port, "1-bad", STORE,
                TestTokens.user("1-bad", "admin", true))) {
            assertEquals(1008, badTenant.awaitClose());
        }
        as(t).get(stock(t, STORE) + "/X").then().body("data.currentQuantity", equalTo(50));
    }

    @Test
    void aUserTokenRevokedByALogoutOpensNoStream() throws Exception {
        String t = newTenant();
        String token = TestTokens.user(t, "admin", true);
        revoked.revoke(TestTokens.tokenId(token), Instant.now().plusSeconds(600)).await().indefinitely();
        try (AlertClient c = connect(t, token)) {
            assertEquals(1008, c.awaitClose());
            assertTrue(c.json().isEmpty(), "a refused client is told nothing");
        }
    }
}
