package dev.kassa.cart.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.common.test.KafkaProbe;
import dev.kassa.common.test.KassaInfra;
import dev.kassa.common.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Consumers acknowledge a tranlog over HTTP or on pos.delivery-ack; all three -> delivered. */
@QuarkusTest
class DeliveryStatusApiTest extends CartApiTestBase {

    @Test
    void acknowledgementsOverHttpAndKafkaMakeTheTranlogDelivered() throws Exception {
        String tenant = newTenant();
        String token = terminalToken(tenant, 9);
        post(token, paidCart(token), "bill", null);
        JsonNode log = KafkaProbe.jsonWhere("pos.tranlog", "tenant_id", tenant, 1, Duration.ofSeconds(30)).get(0);
        String eventId = log.path("event_id").asText();
        assertEquals("published", status(tenant, eventId));

        as(TestTokens.service("report", tenant))
                .body(Map.of("event_id", eventId, "service", "report", "status", "received", "message", ""))
                .post(transactionsPath(tenant, 9) + "/1/delivery-status").then().statusCode(200)
                .body("success", is(true))
                .body("data.event_id", equalTo(eventId))
                .body("data.service", equalTo("report"))
                .body("data.status", equalTo("received"))
                .body("data.success", is(true));
        assertEquals("partially_delivered", status(tenant, eventId));

        for (String service : List.of("journal", "stock")) {
            KafkaProbe.send("pos.delivery-ack", tenant, """
                    {"event_id":"%s","event_type":"tranlog","source_topic":"pos.tranlog","tenant_id":"%s",
                     "service":"%s","status":"received","message":"","occurred_at":"2026-01-01T00:00:00Z"}"""
                    .formatted(eventId, tenant, service));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "delivered".equals(status(tenant, eventId)));

        as(TestTokens.service("report", tenant))
                .body(Map.of("event_id", UUID.randomUUID().toString(), "service", "report", "status", "received"))
                .post(transactionsPath(tenant, 9) + "/1/delivery-status").then().statusCode(404);
    }

    /** The delivery state as stored (there is no read API for it). */
    static String status(String tenant, String eventId) throws Exception {
        Map<String, String> cfg = KassaInfra.config("cart");
        try (Connection c = DriverManager.getConnection(cfg.get("quarkus.datasource.jdbc.url"),
                cfg.get("quarkus.datasource.username"), cfg.get("quarkus.datasource.password"));
             PreparedStatement s = c.prepareStatement("SELECT status FROM \"t_" + tenant
                     + "\".delivery_status WHERE event_id = CAST(? AS uuid)")) {
            s.setString(1, eventId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }
}
