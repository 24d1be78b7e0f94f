package dev.kassa.cart.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.common.event.Topics;
import dev.kassa.common.test.KafkaProbe;
import dev.kassa.common.test.KassaInfra;
import dev.kassa.common.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Consumers acknowledge a tranlog over HTTP or on {@code pos.delivery-ack.cart}; all three -> delivered,
 * any received -> partially_delivered, all failed -> failed.
 */
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
            KafkaProbe.send(Topics.DELIVERY_ACK_CART, tenant, """
                    {"event_id":"%s","event_type":"tranlog","source_topic":"pos.tranlog","tenant_id":"%s",
                     "service":"%s","status":"received","message":"","occurred_at":"2026-01-01T00:00:00Z"}"""
                    .formatted(eventId, tenant, service));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "delivered".equals(status(tenant, eventId)));

        as(TestTokens.service("report", tenant))
                .body(Map.of("event_id", UUID.randomUUID().toString(), "service", "report", "status", "received"))
                .post(transactionsPath(tenant, 9) + "/1/delivery-status").then().statusCode(404);
    }

    /**
     * A burst of acknowledgements of many sales, in one send so that they share polls: duplicates, a
     * failure followed by a success of the same service, and words on events that are not ours (another
     * topic's event, an unknown event, a tenant that does not exist) all end in the right status.
     */
    @Test
    void aBurstOfAcknowledgementsGivesEverySaleItsStatus() throws Exception {
        String tenant = newTenant();
        String token = terminalToken(tenant, 7);
        int sales = 50;
        for (int i = 0; i < sales; i++) {
            post(token, paidCart(token), "bill", null);
        }
        List<String> events = KafkaProbe.jsonWhere("pos.tranlog", "tenant_id", tenant, sales, Duration.ofSeconds(60))
                .stream().map(j -> j.path("event_id").asText()).toList();
        assertEquals(sales, events.size());

        String key = Topics.terminalKey(tenant, STORE, 7);
        List<Map.Entry<String, String>> acks = new ArrayList<>();
        for (int i = 0; i < sales; i++) {
            String event = events.get(i);
            if (i < 40) {
                // all three received; journal first says failed, then received; stock says it twice
                acks.add(Map.entry(key, ack(tenant, event, "pos.tranlog", "journal", "failed", "mongo away")));
                acks.add(Map.entry(key, ack(tenant, event, "pos.tranlog", "report", "received", "")));
                acks.add(Map.entry(key, ack(tenant, event, "pos.tranlog", "journal", "received", "")));
                acks.add(Map.entry(key, ack(tenant, event, "pos.tranlog", "stock", "received", "")));
                acks.add(Map.entry(key, ack(tenant, event, "pos.tranlog", "stock", "received", "")));
            } else if (i < 45) {
                acks.add(Map.entry(key, ack(tenant, event, "pos.tranlog", "report", "received", "")));
                acks.add(Map.entry(key, ack(tenant, event, "pos.tranlog", "journal", "failed", "bad line")));
            } else {
                for (String service : List.of("report", "journal", "stock")) {
                    acks.add(Map.entry(key, ack(tenant, event, "pos.tranlog", service, "failed", "no")));
                }
            }
            // Not ours: a cash log's event id, an unknown tranlog, an unknown tenant.
            acks.add(Map.entry(key, ack(tenant, event, "pos.cashlog", "report", "failed", "not ours")));
        }
        acks.add(Map.entry(key, ack(tenant, UUID.randomUUID().toString(), "pos.tranlog", "report", "received", "")));
        acks.add(Map.entry(key, ack("Cnobody" + System.nanoTime() % 100000, events.get(0), "pos.tranlog", "report",
                "failed", "")));
        KafkaProbe.sendAll(Topics.DELIVERY_ACK_CART, acks);

        await().atMost(Duration.ofSeconds(60)).until(() -> "failed".equals(status(tenant, events.get(sales - 1))));
        for (int i = 0; i < sales; i++) {
            String expected = i < 40 ? "delivered" : i < 45 ? "partially_delivered" : "failed";
            assertEquals(expected, status(tenant, events.get(i)), "sale " + i);
            JsonNode services = services(tenant, events.get(i));
            assertEquals(3, services.size(), services.toString());
            if (i < 40) {
                assertEquals("", services.path("journal").path("message").asText(), services.toString());
                assertEquals("received", services.path("stock").path("status").asText());
            } else if (i < 45) {
                assertEquals("bad line", services.path("journal").path("message").asText());
                assertEquals("pending", services.path("stock").path("status").asText());
            }
        }

        // Sent again, the same words change nothing.
        KafkaProbe.sendAll(Topics.DELIVERY_ACK_CART, acks.subList(acks.size() - 15, acks.size()));
        KafkaProbe.send(Topics.DELIVERY_ACK_CART, key, ack(tenant, events.get(0), "pos.tranlog", "report",
                "received", "marker"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "marker".equals(services(tenant, events.get(0))
                .path("report").path("message").asText()));
        for (int i = 0; i < sales; i++) {
            assertEquals(i < 40 ? "delivered" : i < 45 ? "partially_delivered" : "failed",
                    status(tenant, events.get(i)), "sale " + i);
        }
    }

    /**
     * The cart reads only the acknowledgements of its own events: one of its sale sent to the terminal
     * service's topic never reaches it, and its consumer group holds no offset there.
     */
    @Test
    void theCartReadsOnlyItsOwnAcknowledgementTopic() throws Exception {
        String tenant = newTenant();
        String token = terminalToken(tenant, 8);
        post(token, paidCart(token), "bill", null);
        String eventId = KafkaProbe.jsonWhere("pos.tranlog", "tenant_id", tenant, 1, Duration.ofSeconds(30)).get(0)
                .path("event_id").asText();
        String key = Topics.terminalKey(tenant, STORE, 8);
        KafkaProbe.send(Topics.DELIVERY_ACK_TERMINAL, key, ack(tenant, eventId, "pos.tranlog", "journal", "received",
                ""));
        // Once a later word on its own topic is applied, the first has still changed nothing.
        KafkaProbe.send(Topics.DELIVERY_ACK_CART, key, ack(tenant, eventId, "pos.tranlog", "report", "received", ""));
        await().atMost(Duration.ofSeconds(30)).until(() -> "partially_delivered".equals(status(tenant, eventId)));
        assertEquals("pending", services(tenant, eventId).path("journal").path("status").asText());

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KassaInfra.config("cart").get("kafka.bootstrap.servers")))) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Set<String> topics = admin.listConsumerGroupOffsets("cart-service").partitionsToOffsetAndMetadata()
                        .get(30, TimeUnit.SECONDS).keySet().stream().map(TopicPartition::topic)
                        .collect(Collectors.toSet());
                assertTrue(topics.contains(Topics.DELIVERY_ACK_CART), topics.toString());
                assertFalse(topics.contains(Topics.DELIVERY_ACK_TERMINAL), topics.toString());
            });
        }
    }

    static String ack(String tenant, String eventId, String sourceTopic, String service, String status,
                      String message) {
        return """
                {"event_id":"%s","event_type":"tranlog","source_topic":"%s","tenant_id":"%s","service":"%s",
                 "status":"%s","message":"%s","occurred_at":"2026-01-01T00:00:00Z"}"""
                .formatted(eventId, sourceTopic, tenant, service, status, message);
    }

    /** Each service's entry of the delivery state, as stored. */
    static JsonNode services(String tenant, String eventId) throws Exception {
        Map<String, String> cfg = KassaInfra.config("cart");
        try (Connection c = DriverManager.getConnection(cfg.get("quarkus.datasource.jdbc.url"),
                cfg.get("quarkus.datasource.username"), cfg.get("quarkus.datasource.password"));
             PreparedStatement s = c.prepareStatement("SELECT CAST(services AS text) FROM \"t_" + tenant
                     + "\".delivery_status WHERE event_id = CAST(? AS uuid)")) {
            s.setString(1, eventId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? KafkaProbe.json(r.getString(1)) : KafkaProbe.json("{}");
            }
        }
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
