package dev.kassa.common.platformtest;

import dev.kassa.common.event.Topics;
import dev.kassa.common.test.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A batch consumer keeps the single-record guarantees: each event once, a poison record alone dead-lettered. */
@QuarkusTest
class BatchConsumerTest extends PlatformTestBase {

    private static String event(String eventId, String tenant, int qty) {
        return "{\"event_id\":\"" + eventId + "\",\"event_type\":\"note_created\",\"tenant_id\":\"" + tenant
                + "\",\"note_id\":1,\"qty\":" + qty + "}";
    }

    private static void awaitTally(String tenant, int total, int applied) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(tenant).get("/api/v1/tenants/" + tenant + "/tally").then().statusCode(200)
                        .body("data.total", equalTo(total)).body("data.applied", equalTo(applied)));
    }

    @Test
    void duplicatesInsideAndAcrossBatchesCountOnce() throws Exception {
        String tenant = newTenant();
        String repeated = UUID.randomUUID().toString();
        List<Map.Entry<String, String>> records = new ArrayList<>();
        records.add(Map.entry(tenant, event(repeated, tenant, 100)));
        for (int i = 1; i <= 50; i++) {
            records.add(Map.entry(tenant, event(UUID.randomUUID().toString(), tenant, 1)));
        }
        records.add(Map.entry(tenant, event(repeated, tenant, 100)));
        KafkaProbe.sendAll(NoteBatchConsumer.TOPIC, records);
        awaitTally(tenant, 150, 51);
        KafkaProbe.sendAll(NoteBatchConsumer.TOPIC, records); // the whole lot again, as a replay would
        Thread.sleep(2000);
        awaitTally(tenant, 150, 51);
    }

    @Test
    void aPoisonRecordInsideABatchIsDeadLetteredAloneAndTheOthersApply() {
        String tenant = newTenant();
        List<Map.Entry<String, String>> records = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            records.add(Map.entry(tenant, event(UUID.randomUUID().toString(), tenant, i)));
            if (i == 10) {
                records.add(Map.entry(tenant, "{this is not json"));
            }
        }
        KafkaProbe.sendAll(NoteBatchConsumer.TOPIC, records);
        awaitTally(tenant, 210, 20);
        List<ConsumerRecord<String, String>> dead = KafkaProbe.read(Topics.DEAD_LETTER, Duration.ofSeconds(15),
                all -> all.stream().anyMatch(r -> tenant.equals(r.key())));
        List<ConsumerRecord<String, String>> ours = dead.stream().filter(r -> tenant.equals(r.key())).toList();
        assertEquals(1, ours.size());
        assertEquals("{this is not json", ours.get(0).value());
        assertEquals("platformtest/note-batches",
                new String(ours.get(0).headers().lastHeader("dead-letter-consumer").value()));
    }
}
