package dev.kassa.common.platformtest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.common.event.Topics;
import dev.kassa.common.pg.OutboxRelay;
import dev.kassa.common.test.KafkaProbe;
import dev.kassa.common.test.KassaInfra;
import dev.kassa.common.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An outbox row that can never be published is parked with its reason, the rows behind it are
 * published in order past it, and an operator sees it (metric, listing) and re-drives it.
 */
@QuarkusTest
class OutboxParkingTest extends PlatformTestBase {
    private static final int BROKER_LIMIT_FOR_TEST = 100_000;
    private static final int MAX_RECORD_BYTES = 8 * 1024 * 1024;

    @Inject
    OutboxRelay relay;

    private static long note(String tenant, int qty, Integer paddingBytes) {
        Map<String, Object> body = new HashMap<>(Map.of("text", "n", "quantityOrdered", qty));
        if (paddingBytes != null) {
            body.put("paddingBytes", paddingBytes);
        }
        return as(tenant).body(body).post("/api/v1/tenants/" + tenant + "/notes")
                .then().statusCode(201).extract().jsonPath().getLong("data.id");
    }

    private static List<Long> noteIdsOf(String tenant, int expected, Duration wait) {
        return KafkaProbe.jsonWhere(NoteResource.TOPIC, "tenant_id", tenant, expected, wait).stream()
                .map(e -> e.path("note_id").asLong()).toList();
    }

    private static JsonPath parked(String tenant) {
        return as(tenant).get("/api/v1/tenants/" + tenant + "/outbox/parked").then().statusCode(200)
                .body("success", equalTo(true)).extract().jsonPath();
    }

    private static void setTopicLimit(String topic, Integer maxMessageBytes) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KassaInfra.config().get("kafka.bootstrap.servers")))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            AlterConfigOp op = maxMessageBytes == null
                    ? new AlterConfigOp(new ConfigEntry("max.message.bytes", ""), AlterConfigOp.OpType.DELETE)
                    : new AlterConfigOp(new ConfigEntry("max.message.bytes", maxMessageBytes.toString()),
                    AlterConfigOp.OpType.SET);
            admin.incrementalAlterConfigs(Map.of(resource, List.of(op))).all().get();
        }
    }

    private static double metric(String name) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? (\\S+)$").matcher(text);
        assertTrue(m.find(), name + " is exported");
        return Double.parseDouble(m.group(2));
    }

    @Test
    void rowTheBrokerRejectsIsParkedTheRowsBehindItFlowInOrderAndRedriveDeliversItOnce() throws Exception {
        String tenant = newTenant();
        String other = newTenant();
        long first = note(tenant, 1, null);
        assertEquals(List.of(first), noteIdsOf(tenant, 1, Duration.ofSeconds(15)), "the topic exists and flows");
        setTopicLimit(NoteResource.TOPIC, BROKER_LIMIT_FOR_TEST);
        long big;
        long second;
        long third;
        long othersNote;
        try {
            // All in one pass of the relay: the rejected record travels with the others.
            relay.pause();
            try {
                big = note(tenant, 2, 2 * BROKER_LIMIT_FOR_TEST);
                second = note(tenant, 3, null);
                othersNote = note(other, 4, null);
                third = note(tenant, 5, null);
            } finally {
                relay.resume();
            }
            assertEquals(List.of(first, second, third), noteIdsOf(tenant, 3, Duration.ofSeconds(20)),
                    "the same key's rows behind the parked one are published, in order");
            assertEquals(List.of(othersNote), noteIdsOf(other, 1, Duration.ofSeconds(10)));

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                JsonPath page = parked(tenant);
                assertEquals(1, page.getInt("metadata.total"));
                assertEquals(3, page.getInt("data[0].attempts"), "parked after the configured attempts");
            });
            JsonPath page = parked(tenant);
            String eventId = page.getString("data[0].eventId");
            assertEquals("note_created", page.getString("data[0].eventType"));
            assertEquals(NoteResource.TOPIC, page.getString("data[0].topic"));
            assertEquals(tenant, page.getString("data[0].key"));
            assertTrue(page.getString("data[0].lastError").contains("RecordTooLarge"), page.getString("data[0].lastError"));
            assertTrue(page.getLong("data[0].payloadBytes") > 2 * BROKER_LIMIT_FOR_TEST);
            assertTrue(page.getString("data[0].parkedAt") != null);
            assertEquals(0, parked(other).getInt("metadata.total"), "the other tenant has nothing parked");
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertTrue(metric("kassa_outbox_parked") >= 1, "the parked gauge counts it"));
            metric("kassa_outbox_backlog");
            metric("kassa_outbox_oldest_age_seconds");

            // The cause is fixed: the broker takes records of that size again.
            setTopicLimit(NoteResource.TOPIC, null);
            as(tenant).post("/api/v1/tenants/" + tenant + "/outbox/parked/" + eventId + "/redrive")
                    .then().statusCode(200).body("success", equalTo(true)).body("data.eventId", equalTo(eventId));
            List<Long> after = noteIdsOf(tenant, 4, Duration.ofSeconds(20));
            assertEquals(List.of(first, second, third, big), after, "re-driven, it is published after the others");
            Thread.sleep(1500);
            assertEquals(4, noteIdsOf(tenant, 5, Duration.ofSeconds(3)).size(), "published once");
            assertEquals(0, parked(tenant).getInt("metadata.total"));
            as(tenant).post("/api/v1/tenants/" + tenant + "/outbox/parked/" + eventId + "/redrive")
                    .then().statusCode(404).body("success", equalTo(false)).body("userError.code", equalTo("100001"));
        } finally {
            setTopicLimit(NoteResource.TOPIC, null);
        }
    }

    @Test
    void rowOverTheRelaysSizeLimitIsParkedAtOnceWithoutBlockingTheRest() {
        String tenant = newTenant();
        long before = note(tenant, 1, null);
        note(tenant, 2, MAX_RECORD_BYTES + 1);
        long after = note(tenant, 3, null);
        assertEquals(List.of(before, after), noteIdsOf(tenant, 2, Duration.ofSeconds(20)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonPath page = parked(tenant);
            assertEquals(1, page.getInt("metadata.total"));
            assertEquals(1, page.getInt("data[0].attempts"), "over the size limit: parked at the first attempt");
            assertTrue(page.getString("data[0].lastError").contains("kassa.outbox.max-record-bytes"),
                    page.getString("data[0].lastError"));
        });
    }

    @Test
    void kafkaDownParksNothingAndEverythingFollowsWhenBack() throws Exception {
        String tenant = newTenant();
        long first = note(tenant, 1, null);
        assertEquals(List.of(first), noteIdsOf(tenant, 1, Duration.ofSeconds(15)));
        long second;
        long third;
        KassaInfra.stopKafka();
        try {
            second = note(tenant, 2, null);
            third = note(tenant, 3, null);
            // Longer than several failed passes (the producer gives up on a record after 10 s).
            Thread.sleep(25_000);
            assertEquals(0, parked(tenant).getInt("metadata.total"), "a broker outage parks nothing");
        } finally {
            KassaInfra.startKafka();
        }
        assertEquals(List.of(first, second, third), noteIdsOf(tenant, 3, Duration.ofSeconds(60)));
        assertEquals(0, parked(tenant).getInt("metadata.total"));
    }

    @Test
    void largestLegalTranlogIsPublishedAndConsumable() {
        String tenant = newTenant();
        String eventId = as(tenant).post("/api/v1/tenants/" + tenant + "/largest-tranlog")
                .then().statusCode(201).extract().jsonPath().getString("data.eventId");
        List<ConsumerRecord<String, String>> found = KafkaProbe.read(Topics.TRANLOG, Duration.ofSeconds(60),
                all -> all.stream().anyMatch(r -> r.value().contains(eventId)));
        ConsumerRecord<String, String> record = found.stream().filter(r -> r.value().contains(eventId)).findFirst()
                .orElseThrow(() -> new AssertionError("the largest tranlog was not published"));
        int bytes = record.value().getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes > 1024 * 1024, "larger than Kafka's default 1 MiB: " + bytes);
        assertTrue(bytes < MAX_RECORD_BYTES, "within kassa.outbox.max-record-bytes: " + bytes);
        JsonNode tranlog = KafkaProbe.json(record.value());
        assertEquals(eventId, tranlog.path("event_id").asText());
        assertEquals(1000, tranlog.path("line_items").size());
        assertEquals(0, parked(tenant).getInt("metadata.total"));
    }

    @Test
    void anotherTenantsParkedRowsAreNeitherListedNorRedriven() {
        String tenant = newTenant();
        String stranger = newTenant();
        note(tenant, 1, MAX_RECORD_BYTES + 1);
        await().atMost(Duration.ofSeconds(15)).until(() -> parked(tenant).getInt("metadata.total") == 1);
        String eventId = parked(tenant).getString("data[0].eventId");

        as(stranger).get("/api/v1/tenants/" + tenant + "/outbox/parked")
                .then().statusCode(400).body("success", equalTo(false)).body("userError.code", equalTo("200003"));
        as(stranger).post("/api/v1/tenants/" + tenant + "/outbox/parked/" + eventId + "/redrive")
                .then().statusCode(400).body("userError.code", equalTo("200003"));
        // Its own tenant in the path, another tenant's event: not found, untouched.
        as(stranger).post("/api/v1/tenants/" + stranger + "/outbox/parked/" + eventId + "/redrive")
                .then().statusCode(404).body("userError.code", equalTo("100001"));
        given().contentType(ContentType.JSON).auth().oauth2(TestTokens.terminal(tenant, "S1", 1, Map.of()))
                .get("/api/v1/tenants/" + tenant + "/outbox/parked")
                .then().statusCode(403).body("userError.code", equalTo("200002"));
        given().get("/api/v1/tenants/" + tenant + "/outbox/parked").then().statusCode(401);

        JsonPath page = parked(tenant);
        assertEquals(1, page.getInt("metadata.total"));
        assertEquals(eventId, page.getString("data[0].eventId"));
        assertTrue(page.getString("data[0].parkedAt") != null);
    }
}
