package dev.kassa.journal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.common.event.Topics;
import dev.kassa.common.test.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Logs sent in one burst share the consumer's polls, so they are applied in batches: each log
 * still makes its entry once, however often it comes, and a poison record among them is
 * dead-lettered alone.
 */
@QuarkusTest
class JournalBurstTest extends JournalTestBase {

    @Test
    void aBurstWithDuplicatesAndAPoisonRecordMakesEachEntryOnce() {
        List<String> tenants = List.of(newTenant(), newTenant());
        List<Map.Entry<String, String>> records = new ArrayList<>();
        Map<String, List<String>> expected = new HashMap<>(); // tenant -> journal texts
        String poisonId = newId();
        for (int i = 0; i < 100; i++) {
            String tenant = tenants.get(i % 2);
            int terminal = 1 + i % 5;
            String text = "BURST " + i;
            String log = json(tranlog(newId(), tenant, "S1", terminal, i, 101, false, "20260120",
                    "2026-01-20T10:00:00Z", 1000 + i, "110", 1, text));
            String key = Topics.terminalKey(tenant, "S1", terminal);
            records.add(Map.entry(key, log));
            expected.computeIfAbsent(tenant, t -> new ArrayList<>()).add(text);
            if (i % 10 == 3) {
                records.add(Map.entry(key, log)); // delivered twice in a row
            }
            if (i == 50) {
                records.add(Map.entry(key, json(tranlog(poisonId, tenant, "S1", terminal, i, 999, false,
                        "20260120", "2026-01-20T10:00:00Z", 1, "1", 1, "POISON"))));
            }
        }
        records.addAll(records.subList(0, 10)); // and some again at the end, as a replay would

        KafkaProbe.sendAll(Topics.TRANLOG, records);

        for (String tenant : tenants) {
            awaitTotal(tenant, "S1", 50);
            List<String> texts = search(tenant, "S1", Map.of("limit", "1000", "sort", "receipt_no:1")).statusCode(200)
                    .extract().jsonPath().getList("data.journalText");
            assertEquals(expected.get(tenant), texts);
        }
        List<ConsumerRecord<String, String>> dead = KafkaProbe.read(Topics.DEAD_LETTER, Duration.ofSeconds(20),
                all -> all.stream().anyMatch(r -> r.value().contains(poisonId))).stream()
                .filter(r -> tenants.stream().anyMatch(t -> r.key().startsWith(t + "-"))).toList();
        assertEquals(1, dead.size(), dead.toString());
        assertTrue(dead.get(0).value().contains(poisonId));
        List<JsonNode> failed = KafkaProbe.jsonWhere(Topics.DELIVERY_ACK_CART, "event_id", poisonId, 1,
                Duration.ofSeconds(20));
        assertEquals("failed", failed.get(0).path("status").asText());
    }
}
