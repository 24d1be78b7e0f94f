package dev.kassa.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.common.event.Topics;
import dev.kassa.common.json.KassaObjectMapperCustomizer;
import dev.kassa.common.test.KafkaProbe;
import dev.kassa.common.test.KassaInfra;
import dev.kassa.common.test.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The servers of every test class (one stack, one app), and the calls the tests share. */
@WithTestResource(value = KassaInfra.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeDownstream.class, scope = TestResourceScope.GLOBAL)
abstract class ReportTestBase {
    static final ObjectMapper JSON = KassaObjectMapperCustomizer.apply(new ObjectMapper());
    static final String STORE = "S1";

    /** A provisioned tenant no other test uses. */
    static String newTenant() {
        String tenant = "R" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        asUser(tenant).body(Map.of("tenant_id", tenant)).post("/api/v1/tenants").then().statusCode(201)
                .body("success", equalTo(true)).body("data.tenantId", equalTo(tenant));
        return tenant;
    }

    static RequestSpecification asUser(String tenant) {
        return given().contentType(ContentType.JSON).auth().oauth2(TestTokens.user(tenant, "admin", true));
    }

    static RequestSpecification asTerminal(String tenant, String store, int no) {
        return given().auth().oauth2(TestTokens.terminal(tenant, store, no, Map.of("staff_id", "S001")));
    }

    static RequestSpecification withApiKey(String tenant, String store, int no) {
        String terminalId = tenant + "-" + store + "-" + no;
        return given().header("X-API-KEY", FakeDownstream.apiKey(terminalId)).queryParam("terminal_id", terminalId);
    }

    static String json(Object log) {
        try {
            return JSON.writeValueAsString(log);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void publish(Collection<ScriptedDay.Event> events) {
        events.forEach(e -> KafkaProbe.send(e.topic(), e.key(), json(e.log())));
    }

    /**
     * {@link KafkaProbe#read}, also while the topic does not exist yet (it appears with its first
     * record).
     */
    static List<ConsumerRecord<String, String>> readTopic(String topic, Duration timeout,
                                                          Predicate<List<ConsumerRecord<String, String>>> enough) {
        return readTopics(List.of(topic), timeout, enough);
    }

    static List<ConsumerRecord<String, String>> readTopics(List<String> topics, Duration timeout,
                                                           Predicate<List<ConsumerRecord<String, String>>> enough) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return KafkaProbe.read(topics, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())), enough);
            } catch (IllegalStateException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** The JSON records of a topic whose {@code field} is {@code value}, at least {@code expected} of them. */
    static List<JsonNode> jsonWhere(String topic, String field, String value, int expected, Duration timeout) {
        return readTopic(topic, timeout, all -> all.stream()
                .filter(r -> value.equals(KafkaProbe.json(r.value()).path(field).asText(null))).count() >= expected)
                .stream().map(r -> KafkaProbe.json(r.value()))
                .filter(j -> value.equals(j.path(field).asText(null))).toList();
    }

    /** Where the report service's acknowledgements go: tranlogs' to the cart, the others' to the terminal service. */
    static final List<String> ACK_TOPICS = List.of(Topics.DELIVERY_ACK_CART, Topics.DELIVERY_ACK_TERMINAL);

    /** Waits until the report service acknowledged each event at least {@code times} times. */
    static void awaitAcks(Collection<String> eventIds, int times) {
        List<ConsumerRecord<String, String>> acks = readTopics(ACK_TOPICS, Duration.ofSeconds(60),
                records -> ackCounts(records, eventIds).values().stream().allMatch(n -> n >= times)
                        && ackCounts(records, eventIds).size() == eventIds.size());
        Map<String, Integer> counts = ackCounts(acks, eventIds);
        for (String id : eventIds) {
            if (counts.getOrDefault(id, 0) < times) {
                throw new AssertionError("Event " + id + " acknowledged " + counts.getOrDefault(id, 0) + " times, not "
                        + times);
            }
        }
    }

    private static Map<String, Integer> ackCounts(List<ConsumerRecord<String, String>> records,
                                                  Collection<String> eventIds) {
        Map<String, Integer> counts = new HashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            JsonNode ack = KafkaProbe.json(r.value());
            String id = ack.path("event_id").asText();
            if (eventIds.contains(id) && "report".equals(ack.path("service").asText())
                    && "received".equals(ack.path("status").asText())) {
                counts.merge(id, 1, Integer::sum);
            }
        }
        return counts;
    }

    static List<String> ids(Collection<ScriptedDay.Event> events) {
        return events.stream().map(ScriptedDay.Event::eventId).distinct().toList();
    }

    /** A successful report's {@code data} (status 200, success envelope). */
    static JsonNode data(ValidatableResponse response) {
        String body = response.statusCode(200).body("success", equalTo(true)).body("code", equalTo(200))
                .extract().asString();
        return read(body).path("data");
    }

    static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(body, e);
        }
    }

    /** An error envelope: status, success false, the user error code, no data. */
    static void refused(ValidatableResponse response, int status, String code) {
        response.statusCode(status).body("success", equalTo(false)).body("code", equalTo(status))
                .body("userError.code", equalTo(code)).body("data", equalTo(null));
    }

    static void amount(JsonNode node, String pointer, String expected) {
        JsonNode v = node.at(pointer);
        assertEquals(0, new BigDecimal(expected).compareTo(v.decimalValue()),
                pointer + ": expected " + expected + " but was " + v);
    }

    static void integer(JsonNode node, String pointer, int expected) {
        assertEquals(expected, node.at(pointer).asInt(Integer.MIN_VALUE), pointer + " of " + node);
    }

    /** amount, quantity, count of a {@code {amount,quantity,count}} figure. */
    static void figure(JsonNode node, String pointer, String amount, int quantity, int count) {
        amount(node, pointer + "/amount", amount);
        integer(node, pointer + "/quantity", quantity);
        integer(node, pointer + "/count", count);
    }
}
