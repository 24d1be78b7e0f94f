package dev.kassa.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kassa.common.event.Topics;
import dev.kassa.common.test.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Logs sent in one burst share the consumer's polls, so they are stored in batches: every sale
 * still counts once in the reports, however often it comes, and a poison record among them is
 * dead-lettered alone.
 */
@QuarkusTest
class BurstTest extends ReportTestBase {

    @Test
    void aBurstWithDuplicatesAndAPoisonRecordCountsEachSaleOnce() {
        List<String> tenants = List.of(newTenant(), newTenant());
        List<ScriptedDay> days = new ArrayList<>();
        for (int terminal = 1; terminal <= 5; terminal++) {
            for (String tenant : tenants) {
                days.add(new ScriptedDay(tenant, STORE, terminal));
            }
        }
        List<Map.Entry<String, String>> records = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        String poisonId = null;
        for (int i = 0; i < 100; i++) {
            ScriptedDay day = days.get(i % days.size());
            ScriptedDay.Event sale = day.event(day.apple(100 + i, "2026-03-15T10:00:00.000+09:00"));
            records.add(Map.entry(sale.key(), json(sale.log())));
            ids.add(sale.eventId());
            if (i % 10 == 3) {
                records.add(Map.entry(sale.key(), json(sale.log()))); // delivered twice in a row
            }
            if (i == 50) {
                ObjectNode poison = (ObjectNode) read(json(day.apple(1, "2026-03-15T10:00:00.000+09:00")));
                poison.put("transaction_type", 999);
                poisonId = poison.path("event_id").asText();
                records.add(Map.entry(sale.key(), poison.toString()));
            }
        }
        records.addAll(records.subList(0, 10)); // and some again at the end, as a replay would

        KafkaProbe.sendAll(Topics.TRANLOG, records);
        awaitAcks(ids, 1);

        for (String tenant : tenants) {
            JsonNode flash = data(asUser(tenant).queryParam("report_scope", "flash")
                    .queryParam("report_type", "sales").queryParam("business_date", ScriptedDay.DATE)
                    .get("/api/v1/tenants/" + tenant + "/stores/" + STORE + "/reports").then());
            figure(flash, "/salesGross", "5500", 50, 50); // 50 apple sales of 110 each
        }
        String poisonEvent = poisonId;
        List<ConsumerRecord<String, String>> dead = readTopic(Topics.DEAD_LETTER, Duration.ofSeconds(30),
                all -> all.stream().anyMatch(r -> r.value().contains(poisonEvent))).stream()
                .filter(r -> tenants.stream().anyMatch(t -> r.key().startsWith(t + "-"))).toList();
        assertEquals(1, dead.size(), dead.toString());
        assertTrue(dead.get(0).value().contains(poisonId));
        List<JsonNode> failed = jsonWhere(Topics.DELIVERY_ACK_CART, "event_id", poisonId, 1, Duration.ofSeconds(20));
        assertEquals("failed", failed.get(0).path("status").asText());
    }
}
