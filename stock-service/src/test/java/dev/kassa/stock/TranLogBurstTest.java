package dev.kassa.stock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.common.event.Topics;
import dev.kassa.common.event.TranLog;
import dev.kassa.common.test.KafkaProbe;
import dev.kassa.common.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A burst that arrives in shared polls: sales, returns and voids of several terminals of two tenants,
 * with redeliveries and one record that can never apply in the middle. What a user then sees is what
 * applying the records one by one gives: the same quantities, a history whose every row starts where
 * the one before it ended, each terminal's lines in its own order, one alert per item and type, the
 * bad record alone in pos.dlq, and nothing of one tenant in the other's stock.
 */
@QuarkusTest
class TranLogBurstTest extends StockTestBase {
    private static final String STORE = "BURST";
    private static final List<String> ITEMS = List.of("A", "B", "C", "D", "E");
    private static final int[] TYPES = {TranLog.SALE, TranLog.SALE, TranLog.SALE, TranLog.RETURN, TranLog.VOID_SALE,
            TranLog.VOID_RETURN};
    private static final int POISON_TERMINAL = 7;

    /** A history row as the API shows it. */
    private record Row(String type, int change, int before, int after, String reference) {
    }

    private static TranLog onTerminal(TranLog t, int terminal) {
        return new TranLog(t.eventId(), t.eventType(), t.tenantId(), t.storeCode(), t.storeName(), terminal,
                t.transactionNo(), t.transactionType(), t.businessDate(), t.openCounter(), t.businessCounter(),
                t.generateDateTime(), t.receiptNo(), t.user(), t.staff(), t.sales(), t.lineItems(), t.payments(),
                t.taxes(), t.subtotalDiscounts(), t.origin(), t.receiptText(), t.journalText(), t.additionalInfo());
    }

    private static String wire(int type) {
        return switch (type) {
            case TranLog.SALE -> "sale";
            case TranLog.RETURN -> "return";
            case TranLog.VOID_SALE -> "void";
            default -> "void_return";
        };
    }

    private static int sign(int type) {
        return type == TranLog.SALE || type == TranLog.VOID_RETURN ? -1 : 1;
    }

    @Test
    void aBurstWithDuplicatesAndAPoisonRecordEndsAsSequentialApplicationWould() throws Exception {
        String t1 = newTenant();
        String t2 = newTenant();
        Map<String, Map<String, Integer>> quantities = new HashMap<>();
        for (String t : List.of(t1, t2)) {
            quantities.put(t, new HashMap<>());
            for (String item : List.of("A", "B", "C")) {
                int start = t.equals(t1) ? 100 : 1000;
                adjust(t, STORE, item, start);
                quantities.get(t).put(item, start);
            }
        }
        // A at or below 90 asks for a reorder: the burst crosses it, which must alert once.
        as(t1).body(Map.of("reorderPoint", 90, "reorderQuantity", 50)).put(stock(t1, STORE) + "/A/reorder")
                .then().statusCode(200);

        Random random = new Random(15);
        List<TranLog> applied = new ArrayList<>();
        List<Map.Entry<String, String>> records = new ArrayList<>();
        // Per tenant, terminal and item: the rows each terminal's lines make, in that terminal's order.
        Map<String, List<Row>> expectedRows = new HashMap<>();
        String poisonEvent = UUID.randomUUID().toString();
        int duplicates = 0;
        for (int i = 0; i < 100; i++) {
            if (i == 50) {
                records.add(Map.entry(Topics.terminalKey(t1, STORE, POISON_TERMINAL), "{\"event_id\":\"" + poisonEvent
                        + "\",\"tenant_id\":\"" + t1 + "\",\"store_code\":\"" + STORE + "\",\"terminal_no\":"
                        + POISON_TERMINAL + ",\"transaction_type\":\"not a number\"}"));
            }
            if (i % 9 == 8) { // a redelivery of an earlier record, after it on its own terminal
                TranLog again = applied.get(random.nextInt(applied.size()));
                records.add(Map.entry(Topics.terminalKey(again.tenantId(), STORE, again.terminalNo()), json(again)));
                duplicates++;
                continue;
            }
            String t = random.nextBoolean() ? t1 : t2;
            int terminal = 1 + random.nextInt(4);
            int type = TYPES[random.nextInt(TYPES.length)];
            int lineCount = 1 + random.nextInt(3);
            Line[] lines = new Line[lineCount];
            for (int l = 0; l < lineCount; l++) {
                lines[l] = new Line(ITEMS.get(random.nextInt(ITEMS.size())), 1 + random.nextInt(3),
                        random.nextInt(8) == 0);
            }
            boolean cancelled = random.nextInt(20) == 0;
            TranLog tranlog = onTerminal(tranlog(t, STORE, 1000L * terminal + i, type, cancelled, lines), terminal);
            applied.add(tranlog);
            records.add(Map.entry(Topics.terminalKey(t, STORE, terminal), json(tranlog)));
            if (cancelled) {
                continue;
            }
            // Sequential application: the lines in item order (then line order), each its own history row.
            List<Line> sorted = new ArrayList<>(List.of(lines));
            sorted.sort(java.util.Comparator.comparing(Line::item));
            for (Line line : sorted) {
                if (line.cancelled()) {
                    continue;
                }
                int change = sign(type) * line.quantity();
                int before = quantities.get(t).getOrDefault(line.item(), 0);
                quantities.get(t).put(line.item(), before + change);
                expectedRows.computeIfAbsent(t + "/" + terminal + "/" + line.item(), k -> new ArrayList<>())
                        .add(new Row(wire(type), change, 0, 0, String.valueOf(tranlog.transactionNo())));
            }
        }

        try (AlertClient alerts = AlertClient.connect(RestAssured.port, t1, STORE,
                TestTokens.user(t1, "manager", false))) {
            alerts.awaitConnected();
            KafkaProbe.sendAll(Topics.TRANLOG, records);

            for (String t : List.of(t1, t2)) {
                TranLogConsumerTest.awaitQuantities(t, STORE, quantities.get(t));
            }
            int t1Records = (int) records.stream().filter(r -> r.getKey().startsWith(t1 + "-")).count();
            int t2Records = records.size() - t1Records;
            List<JsonNode> t1Acks = TranLogConsumerTest.acksOf(t1, t1Records);
            List<JsonNode> t2Acks = TranLogConsumerTest.acksOf(t2, t2Records);
            List<JsonNode> all = new ArrayList<>(t1Acks);
            all.addAll(t2Acks);
            assertEquals(records.size(), all.size(), "one acknowledgement per record");
            assertEquals(duplicates, all.stream().filter(a -> "Duplicate event".equals(a.path("message").asText()))
                    .count());
            List<JsonNode> failed = all.stream().filter(a -> "failed".equals(a.path("status").asText())).toList();
            assertEquals(1, failed.size());
            assertEquals(poisonEvent, failed.get(0).path("event_id").asText());

            for (String t : List.of(t1, t2)) {
                for (String item : ITEMS) {
                    checkHistory(t, item, quantities.get(t).get(item), expectedRows);
                }
            }

            // The crossing of A's reorder point alerted once, with the quantity of the first change at or below it.
            await().atMost(Duration.ofSeconds(20)).until(() -> alerts.alerts("A", "reorder_point").size() == 1);
            Thread.sleep(1500);
            assertEquals(1, alerts.alerts("A", "reorder_point").size());
            List<Row> history = history(t1, "A");
            int firstAtOrBelow = history.stream().skip(1).filter(r -> r.after() <= 90).findFirst().orElseThrow().after();
            assertEquals(firstAtOrBelow, alerts.alerts("A", "reorder_point").get(0).path("current_quantity").asInt());
        }

        List<ConsumerRecord<String, String>> dead = KafkaProbe.read(Topics.DEAD_LETTER, Duration.ofSeconds(30),
                rs -> rs.stream().anyMatch(r -> r.key() != null && r.key().startsWith(t1 + "-")));
        Thread.sleep(1000);
        dead = KafkaProbe.read(Topics.DEAD_LETTER, Duration.ofSeconds(2), rs -> false);
        List<ConsumerRecord<String, String>> ours = dead.stream().filter(r -> r.key() != null
                && (r.key().startsWith(t1 + "-") || r.key().startsWith(t2 + "-"))).toList();
        assertEquals(1, ours.size(), "the bad record alone is dead-lettered");
        assertEquals(Topics.terminalKey(t1, STORE, POISON_TERMINAL), ours.get(0).key());
        assertTrue(ours.get(0).value().contains(poisonEvent));
    }

    /** The item's history, oldest first. */
    private static List<Row> history(String t, String item) {
        JsonNode page = KafkaProbe.json(as(t).get(stock(t, STORE) + "/" + item + "/history?limit=1000").then()
                .statusCode(200).extract().asString());
        List<Row> rows = new ArrayList<>();
        for (JsonNode r : page.path("data").path("data")) {
            rows.add(0, new Row(r.path("updateType").asText(), r.path("quantityChange").asInt(),
                    r.path("beforeQuantity").asInt(), r.path("afterQuantity").asInt(),
                    r.path("referenceId").isNull() ? null : r.path("referenceId").asText()));
        }
        return rows;
    }

    /**
     * Each row starts where the one before it ended and the last ends at the quantity shown, and each
     * terminal's rows appear in the terminal's own order with the expected type, change and reference.
     */
    private static void checkHistory(String t, String item, Integer quantity, Map<String, List<Row>> expected) {
        List<Row> rows = history(t, item);
        if (quantity == null) {
            assertTrue(rows.isEmpty(), t + "/" + item + " was never moved");
            return;
        }
        int level = 0;
        for (Row row : rows) {
            assertEquals(level, row.before(), t + "/" + item + " " + rows);
            assertEquals(row.before() + row.change(), row.after());
            level = row.after();
        }
        assertEquals(quantity.intValue(), level);
        Map<String, List<Row>> byTerminal = new LinkedHashMap<>();
        for (Row row : rows.subList(rows.get(0).type().equals("adjustment") ? 1 : 0, rows.size())) {
            String terminal = String.valueOf(Long.parseLong(row.reference()) / 1000);
            byTerminal.computeIfAbsent(t + "/" + terminal + "/" + item, k -> new ArrayList<>())
                    .add(new Row(row.type(), row.change(), 0, 0, row.reference()));
        }
        for (int terminal = 1; terminal <= 4; terminal++) {
            String key = t + "/" + terminal + "/" + item;
            assertEquals(expected.getOrDefault(key, List.of()), byTerminal.getOrDefault(key, List.of()), key);
        }
    }
}
