package dev.kassa.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kassa.common.event.Topics;
import dev.kassa.common.event.TranLog;
import dev.kassa.common.test.KafkaProbe;
import dev.kassa.common.test.KassaInfra;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The consumer: acknowledgements, and poison records to the dead-letter topic without stopping. */
@QuarkusTest
class ConsumerTest extends ReportTestBase {

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextOneIsApplied() {
        String tenant = newTenant();
        ScriptedDay day = new ScriptedDay(tenant, STORE, 1);
        ObjectNode unknownType = (ObjectNode) read(json(day.apple(1, "2026-03-15T10:00:00.000+09:00")));
        unknownType.put("transaction_type", 999);
        String poisonId = unknownType.path("event_id").asText();

        KafkaProbe.send(Topics.TRANLOG, tenant, "{not json at all");
        KafkaProbe.send(Topics.TRANLOG, tenant, "{\"event_type\":\"tranlog\",\"tenant_id\":\"" + tenant + "\"}");
        KafkaProbe.send(Topics.TRANLOG, tenant, unknownType.toString());
        TranLog good = day.apple(2, "2026-03-15T10:05:00.000+09:00");
        publish(List.of(day.event(good)));
        awaitAcks(List.of(good.eventId()), 1);

        JsonNode flash = data(asUser(tenant).queryParam("report_scope", "flash").queryParam("report_type", "sales")
                .queryParam("business_date", ScriptedDay.DATE)
                .get("/api/v1/tenants/" + tenant + "/stores/" + STORE + "/reports").then());
        figure(flash, "/salesGross", "110", 1, 1); // the good sale only

        List<ConsumerRecord<String, String>> dead = readTopic(Topics.DEAD_LETTER, Duration.ofSeconds(30),
                records -> records.stream().filter(r -> tenant.equals(r.key())).count() >= 3);
        List<ConsumerRecord<String, String>> ours = dead.stream().filter(r -> tenant.equals(r.key())).toList();
        assertEquals(3, ours.size());
        assertTrue(ours.stream().allMatch(r -> r.headers().lastHeader("dead-letter-reason") != null));
        assertTrue(ours.stream().anyMatch(r -> "{not json at all".equals(r.value())));
        String reason = ours.stream().filter(r -> r.value().contains(poisonId)).map(r ->
                new String(r.headers().lastHeader("dead-letter-reason").value())).findFirst().orElseThrow();
        assertTrue(reason.contains("unknown transaction_type 999"), reason);

        // The publisher hears of the failure through the acknowledgements.
        List<JsonNode> failed = jsonWhere(Topics.DELIVERY_ACK_CART, "event_id", poisonId, 1,
                Duration.ofSeconds(20));
        assertEquals("failed", failed.get(0).path("status").asText());
    }

    /**
     * The MongoDB server stopped for 60 s, longer than any retry budget, while logs arrive: the consumer
     * waits for it, then every log is stored once and acknowledged, and none is dead-lettered.
     */
    @Test
    void aMongoOutageOfAMinuteDelaysLogsButLosesNone() throws InterruptedException {
        String tenant = newTenant();
        ScriptedDay day = new ScriptedDay(tenant, STORE, 1);
        TranLog first = day.apple(1, "2026-03-15T10:00:00.000+09:00");
        publish(List.of(day.event(first)));
        awaitAcks(List.of(first.eventId()), 1);

        List<ScriptedDay.Event> during = List.of(
                day.event(day.apple(2, "2026-03-15T10:05:00.000+09:00")),
                day.event(day.apple(3, "2026-03-15T10:10:00.000+09:00")),
                day.event(day.apple(4, "2026-03-15T10:15:00.000+09:00")));
        KassaInfra.stop(KassaInfra.Service.MONGO);
        try {
            publish(during);
            Thread.sleep(Duration.ofSeconds(60).toMillis());
        } finally {
            KassaInfra.start(KassaInfra.Service.MONGO);
        }
        awaitAcks(ids(during), 1);

        JsonNode flash = data(asUser(tenant).queryParam("report_scope", "flash").queryParam("report_type", "sales")
                .queryParam("business_date", ScriptedDay.DATE)
                .get("/api/v1/tenants/" + tenant + "/stores/" + STORE + "/reports").then());
        figure(flash, "/salesGross", "440", 4, 4);
        String key = during.get(0).key();
        List<ConsumerRecord<String, String>> dead = readTopic(Topics.DEAD_LETTER, Duration.ofSeconds(3), all -> false);
        assertTrue(dead.stream().noneMatch(r -> key.equals(r.key())), "nothing of this terminal dead-lettered");
        List<JsonNode> failed = readTopics(ACK_TOPICS, Duration.ofSeconds(3), all -> false).stream()
                .map(r -> KafkaProbe.json(r.value()))
                .filter(a -> tenant.equals(a.path("tenant_id").asText()) && "failed".equals(a.path("status").asText()))
                .toList();
        assertEquals(List.of(), failed);
    }

    @Test
    void everyDeliveryIsAcknowledgedAsReceivedByTheReportService() {
        String tenant = newTenant();
        ScriptedDay day = new ScriptedDay(tenant, STORE, 1);
        publish(List.of(day.event(day.open), day.event(day.open)));
        List<JsonNode> acks = jsonWhere(Topics.DELIVERY_ACK_TERMINAL, "event_id", day.open.eventId(), 2,
                Duration.ofSeconds(30));
        assertEquals(2, acks.size());
        JsonNode ack = acks.get(0);
        assertEquals("report", ack.path("service").asText());
        assertEquals("received", ack.path("status").asText());
        assertEquals(Topics.OPENCLOSELOG, ack.path("source_topic").asText());
        assertEquals("open", ack.path("event_type").asText());
        assertEquals(tenant, ack.path("tenant_id").asText());
    }
}
