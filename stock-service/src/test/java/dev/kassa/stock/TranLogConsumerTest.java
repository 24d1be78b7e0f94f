package dev.kassa.stock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.common.event.Topics;
import dev.kassa.common.event.TranLog;
import dev.kassa.common.test.KafkaProbe;
import dev.kassa.common.test.KassaInfra;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** pos.tranlog as the cart publishes it: sales, returns, voids and cancels, each applied exactly once. */
@QuarkusTest
class TranLogConsumerTest extends StockTestBase {

    static void awaitQuantities(String t, String store, Map<String, Integer> expected) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> expected.forEach((item, qty) ->
                as(t).get(stock(t, store) + "/" + item).then().statusCode(200)
                        .body("data.currentQuantity", equalTo(qty))));
    }

    static List<JsonNode> acksOf(String tenant, int expected) {
        Predicate<ConsumerRecord<String, String>> ours = r -> tenant.equals(KafkaProbe.json(r.value())
                .path("tenant_id").asText());
        return KafkaProbe.read(Topics.DELIVERY_ACK_CART, Duration.ofSeconds(60),
                        all -> all.stream().filter(ours).count() >= expected).stream()
                .filter(ours).map(r -> KafkaProbe.json(r.value())).toList();
    }

    @Test
    void scriptedSalesReturnsVoidsAndCancelsLeaveTheHandComputedStockAndDuplicatesChangeNothing() {
        String t = newTenant();
        String s = "5678";
        adjust(t, s, "A", 100);
        adjust(t, s, "B", 50);
        adjust(t, s, "C", 10);
        List<TranLog> script = List.of(
                // 101 sale: A -3, B -2 -> A 97, B 48
                tranlog(t, s, 1, TranLog.SALE, false, Line.of("A", 3), Line.of("B", 2)),
                // a cancelled line changes nothing: A -1 -> 96, C stays 10
                tranlog(t, s, 2, TranLog.SALE, false, Line.of("A", 1), new Line("C", 5, true)),
                // a cancelled transaction changes nothing at all
                tranlog(t, s, 3, TranLog.SALE, true, Line.of("A", 10), Line.of("B", 10)),
                // 102 return: A +2 -> 98
                tranlog(t, s, 4, TranLog.RETURN, false, Line.of("A", 2)),
                // 201 void of a sale: B +2 -> 50
                tranlog(t, s, 5, TranLog.VOID_SALE, false, Line.of("B", 2)),
                // 202 void of a return: A -2 -> 96
                tranlog(t, s, 6, TranLog.VOID_RETURN, false, Line.of("A", 2)),
                // an item never counted goes negative: D -4
                tranlog(t, s, 7, TranLog.SALE, false, Line.of("D", 4)),
                // the same item on two lines: C -1 -1 -> 8
                tranlog(t, s, 8, TranLog.SALE, false, Line.of("C", 1), Line.of("C", 1)));
        script.forEach(StockTestBase::send);
        Map<String, Integer> expected = Map.of("A", 96, "B", 50, "C", 8, "D", -4);
        awaitQuantities(t, s, expected);
        List<JsonNode> first = acksOf(t, script.size());
        assertEquals(script.size(), first.size());
        assertTrue(first.stream().allMatch(a -> "stock".equals(a.path("service").asText())
                && "received".equals(a.path("status").asText()) && "pos.tranlog".equals(a.path("source_topic").asText())));
        assertEquals(script.stream().map(TranLog::eventId).sorted().toList(),
                first.stream().map(a -> a.path("event_id").asText()).sorted().toList());

        // Delivered again (a republish, a replay after a restart): every one is acknowledged again and ignored.
        script.forEach(StockTestBase::send);
        List<JsonNode> all = acksOf(t, 2 * script.size());
        assertEquals(2 * script.size(), all.size());
        assertEquals(script.size(), all.stream().filter(a -> "Duplicate event".equals(a.path("message").asText())).count());
        expected.forEach((item, qty) -> as(t).get(stock(t, s) + "/" + item).then()
                .body("data.currentQuantity", equalTo(qty)));

        // History: each applied line once, newest first, with the transaction as its reference.
        as(t).get(stock(t, s) + "/A/history").then().statusCode(200)
                .body("data.metadata.total", equalTo(5))
                .body("data.data.updateType", contains("void_return", "return", "sale", "sale", "adjustment"))
                .body("data.data.referenceId", contains("6", "4", "2", "1", null))
                .body("data.data.quantityChange", contains(-2, 2, -1, -3, 100))
                .body("data.data.beforeQuantity", contains(98, 96, 97, 100, 0))
                .body("data.data.afterQuantity", contains(96, 98, 96, 97, 100))
                .body("data.data[0].operatorId", equalTo("staff1"));
        as(t).get(stock(t, s) + "/C/history").then().body("data.metadata.total", equalTo(3));
        as(t).get(stock(t, s) + "/D").then().body("data.lastTransactionId", equalTo("7"));
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndTheNextRecordIsApplied() {
        String t = newTenant();
        String key = t + "-P-1";
        KafkaProbe.send(Topics.TRANLOG, key, "{not json");
        KafkaProbe.send(Topics.TRANLOG, key, "{\"event_type\":\"tranlog\",\"tenant_id\":\"" + t + "\"}");
        KafkaProbe.send(Topics.TRANLOG, key, json(tranlog("Nosuchtenant" + t.substring(1, 6), "P", 1, TranLog.SALE,
                false, Line.of("A", 1))));
        KafkaProbe.send(Topics.TRANLOG, key, "{\"event_id\":\"" + UUID.randomUUID() + "\",\"tenant_id\":\"" + t
                + "\",\"transaction_type\":\"not a number\"}");
        TranLog good = tranlog(t, "P", 2, TranLog.SALE, false, Line.of("A", 1));
        KafkaProbe.send(Topics.TRANLOG, key, json(good));
        awaitQuantities(t, "P", Map.of("A", -1));
        List<ConsumerRecord<String, String>> dead = KafkaProbe.read(Topics.DEAD_LETTER, Duration.ofSeconds(60),
                records -> records.stream().filter(r -> key.equals(r.key())).count() >= 4);
        List<ConsumerRecord<String, String>> ours = dead.stream().filter(r -> key.equals(r.key())).toList();
        assertEquals(4, ours.size());
        assertTrue(ours.stream().anyMatch(r -> "{not json".equals(r.value())));
        assertTrue(ours.stream().allMatch(r -> r.headers().lastHeader("dead-letter-reason") != null));
        // Each names the consumer, why it gave up and where the record came from.
        for (ConsumerRecord<String, String> r : ours) {
            assertEquals("stock-service/tranlog", header(r, "dead-letter-consumer"));
            assertEquals("stock-service", header(r, "dead-letter-group"));
            assertEquals("poison", header(r, "dead-letter-kind"));
            assertEquals(Topics.TRANLOG, header(r, "dead-letter-topic"));
            assertEquals(key, header(r, "dead-letter-key"));
            assertTrue(Integer.parseInt(header(r, "dead-letter-partition")) >= 0);
            assertTrue(Long.parseLong(header(r, "dead-letter-offset")) >= 0);
        }
        assertTrue(ours.stream().anyMatch(r -> header(r, "dead-letter-reason").contains("not found")),
                "the unknown tenant's reason names it");
    }

    /**
     * PostgreSQL stopped for 60 s, longer than any retry budget, while tranlogs arrive: the consumer
     * waits for it, then every movement applies exactly once, each is acknowledged, none is dead-lettered.
     */
    @Test
    void aPostgresOutageOfAMinuteDelaysTranlogsButLosesNone() {
        String t = newTenant();
        String s = "OUT";
        adjust(t, s, "A", 100);
        adjust(t, s, "B", 20);
        List<TranLog> before = List.of(tranlog(t, s, 1, TranLog.SALE, false, Line.of("A", 5)));
        before.forEach(StockTestBase::send);
        awaitQuantities(t, s, Map.of("A", 95));

        List<TranLog> during = List.of(
                tranlog(t, s, 2, TranLog.SALE, false, Line.of("A", 3), Line.of("B", 2)),
                tranlog(t, s, 3, TranLog.RETURN, false, Line.of("A", 1)),
                tranlog(t, s, 4, TranLog.SALE, false, Line.of("B", 7)));
        KassaInfra.stop(KassaInfra.Service.POSTGRES);
        try {
            during.forEach(StockTestBase::send);
            sleep(Duration.ofSeconds(60));
        } finally {
            KassaInfra.start(KassaInfra.Service.POSTGRES);
        }
        // A 95 - 3 + 1 = 93; B 20 - 2 - 7 = 11
        awaitQuantities(t, s, Map.of("A", 93, "B", 11));
        List<JsonNode> acks = acksOf(t, 4);
        assertEquals(4, acks.stream().filter(a -> "received".equals(a.path("status").asText())).count());
        assertTrue(acks.stream().noneMatch(a -> "failed".equals(a.path("status").asText())));
        List<ConsumerRecord<String, String>> dead = KafkaProbe.read(Topics.DEAD_LETTER, Duration.ofSeconds(3),
                all -> false);
        assertTrue(dead.stream().noneMatch(r -> r.key() != null && r.key().startsWith(t)),
                "nothing of this tenant dead-lettered");
        as(t).get(stock(t, s) + "/B/history").then().body("data.metadata.total", equalTo(3));
    }

    static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
