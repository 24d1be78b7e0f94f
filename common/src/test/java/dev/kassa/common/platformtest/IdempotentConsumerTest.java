package dev.kassa.common.platformtest;

import dev.kassa.common.event.Topics;
import dev.kassa.common.test.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class IdempotentConsumerTest extends PlatformTestBase {

    private static String event(String eventId, String tenant, int qty) {
        return "{\"event_id\":\"" + eventId + "\",\"event_type\":\"note_created\",\"tenant_id\":\"" + tenant
                + "\",\"note_id\":1,\"qty\":" + qty + "}";
    }

    private static void awaitTally(String tenant, int total, int applied) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                as(tenant).get("/api/v1/tenants/" + tenant + "/tally").then().statusCode(200)
                        .body("data.total", equalTo(total)).body("data.applied", equalTo(applied)));
    }

    @Test
    void theSameEventTwiceHasOneEffect() throws Exception {
        String tenant = newTenant();
        String eventId = UUID.randomUUID().toString();
        KafkaProbe.send(NoteResource.TOPIC, tenant, event(eventId, tenant, 3));
        KafkaProbe.send(NoteResource.TOPIC, tenant, event(eventId, tenant, 3));
        awaitTally(tenant, 3, 1);
        // A later, different event still applies; the duplicate stays ignored behind it.
        KafkaProbe.send(NoteResource.TOPIC, tenant, event(UUID.randomUUID().toString(), tenant, 2));
        awaitTally(tenant, 5, 2);
        Thread.sleep(1000);
        awaitTally(tenant, 5, 2);
    }

    @Test
    void aReplayOfEveryRecordAfterARestartChangesNothing() throws Exception {
        String tenant = newTenant();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        KafkaProbe.send(NoteResource.TOPIC, tenant, event(first, tenant, 10));
        KafkaProbe.send(NoteResource.TOPIC, tenant, event(second, tenant, 1));
        awaitTally(tenant, 11, 2);
        // A consumer that restarts without its committed offsets reads the topic again from the start:
        // replay every record of this tenant as it would.
        List<ConsumerRecord<String, String>> all = KafkaProbe.read(NoteResource.TOPIC, Duration.ofSeconds(5),
                records -> records.stream().filter(r -> tenant.equals(r.key())).count() >= 2);
        long replayed = all.stream().filter(r -> tenant.equals(r.key()))
                .peek(r -> KafkaProbe.send(NoteResource.TOPIC, r.key(), r.value())).count();
        assertEquals(2, replayed);
        Thread.sleep(2000);
        awaitTally(tenant, 11, 2);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextOneIsApplied() {
        String tenant = newTenant();
        KafkaProbe.send(NoteResource.TOPIC, tenant, "{not json at all");
        KafkaProbe.send(NoteResource.TOPIC, tenant, "{\"event_type\":\"note_created\",\"tenant_id\":\"" + tenant + "\"}");
        KafkaProbe.send(NoteResource.TOPIC, tenant, event(UUID.randomUUID().toString(), tenant, 6));
        awaitTally(tenant, 6, 1);
        List<ConsumerRecord<String, String>> dead = KafkaProbe.read(Topics.DEAD_LETTER, Duration.ofSeconds(15),
                records -> records.stream().filter(r -> tenant.equals(r.key())).count() >= 2);
        List<ConsumerRecord<String, String>> ours = dead.stream().filter(r -> tenant.equals(r.key())).toList();
        assertEquals(2, ours.size());
        assertTrue(ours.stream().anyMatch(r -> "{not json at all".equals(r.value())));
        assertTrue(ours.stream().allMatch(r -> r.headers().lastHeader("dead-letter-reason") != null));
        String reason = new String(ours.get(0).headers().lastHeader("dead-letter-reason").value());
        assertTrue(reason.contains("not JSON") || reason.contains("event_id"), reason);
    }
}
