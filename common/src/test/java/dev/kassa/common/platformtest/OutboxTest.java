package dev.kassa.common.platformtest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.common.pg.OutboxRelay;
import dev.kassa.common.test.KafkaProbe;
import dev.kassa.common.test.KassaInfra;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class OutboxTest extends PlatformTestBase {

    @Inject
    OutboxRelay relay;

    @Inject
    DataSource dataSource;

    private static long create(String tenant, int qty) {
        return as(tenant).body(Map.of("text", "n", "quantityOrdered", qty)).post("/api/v1/tenants/" + tenant + "/notes")
                .then().statusCode(201).extract().jsonPath().getLong("data.id");
    }

    private static List<JsonNode> eventsOf(String tenant, int expected, Duration wait) {
        return KafkaProbe.jsonWhere(NoteResource.TOPIC, "tenant_id", tenant, expected, wait);
    }

    private static void awaitTally(String tenant, int total, int applied) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                as(tenant).get("/api/v1/tenants/" + tenant + "/tally").then().statusCode(200)
                        .body("data.total", equalTo(total)).body("data.applied", equalTo(applied)));
    }

    @Test
    void committedWriteReachesKafkaWithItsEventId() {
        String tenant = newTenant();
        long id = create(tenant, 4);
        List<JsonNode> events = eventsOf(tenant, 1, Duration.ofSeconds(15));
        assertEquals(1, events.size());
        JsonNode e = events.get(0);
        assertEquals("note_created", e.path("event_type").asText());
        assertEquals(id, e.path("note_id").asLong());
        assertEquals(4, e.path("qty").asInt());
        assertTrue(e.path("event_id").asText().matches("[0-9a-f-]{36}"));
        awaitTally(tenant, 4, 1);
    }

    @Test
    void relayStoppedAfterCommitDeliversOnceWhenBack() throws Exception {
        String tenant = newTenant();
        relay.pause();
        try {
            create(tenant, 7);
            assertEquals(0, eventsOf(tenant, 1, Duration.ofSeconds(3)).size(), "nothing is published while paused");
        } finally {
            relay.resume();
        }
        List<JsonNode> events = eventsOf(tenant, 1, Duration.ofSeconds(15));
        assertEquals(1, events.size());
        awaitTally(tenant, 7, 1);
        // Later passes do not send it again.
        Thread.sleep(1500);
        assertEquals(1, eventsOf(tenant, 2, Duration.ofSeconds(3)).size());
    }

    @Test
    void kafkaDownDuringTheWriteDoesNotFailItAndTheEventFollowsLater() throws Exception {
        String tenant = newTenant();
        KassaInfra.stopKafka();
        try {
            create(tenant, 5);
            as(tenant).get("/api/v1/tenants/" + tenant + "/notes").then().statusCode(200)
                    .body("metadata.total", equalTo(1));
            // A relay stopped while it tries to send (as at shutdown) leaves no claim behind: another
            // replica can lock the row and take the relay lock at once.
            relay.stop();
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    ResultSet rows = s.executeQuery("SELECT id FROM kassa.outbox WHERE tenant_id = '" + tenant
                            + "' AND published_at IS NULL FOR UPDATE NOWAIT");
                    assertTrue(rows.next(), "the row is still pending and nobody holds it");
                    ResultSet lock = s.executeQuery("SELECT pg_try_advisory_xact_lock(" + OutboxRelay.RELAY_LOCK + ")");
                    assertTrue(lock.next() && lock.getBoolean(1), "the relay lock is free");
                }
                c.rollback();
            } finally {
                relay.start();
            }
        } finally {
            KassaInfra.startKafka();
        }
        List<JsonNode> events = eventsOf(tenant, 1, Duration.ofSeconds(60));
        assertEquals(1, events.size());
        awaitTally(tenant, 5, 1);
    }
}
