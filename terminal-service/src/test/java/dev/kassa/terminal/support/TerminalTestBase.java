package dev.kassa.terminal.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.common.auth.Tokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** What the terminal-service tests share: tokens, a fresh tenant per test, Kafka reads. */
public abstract class TerminalTestBase {
    protected static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    protected Tokens tokens;

    @Inject
    protected TestClock clock;

    @BeforeEach
    void resetSharedState() {
        CircuitBreakerMaintenance.get().resetAll();
        clock.reset();
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A tenant id no other test uses. */
    protected static String newTenantId() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    protected String userToken(String tenantId) {
        return tokens.sign(Map.of("tenant_id", tenantId, "is_superuser", true, "roles", List.of("admin")), "admin", Duration.ofMinutes(30));
    }

    protected RequestSpecification asUser(String tenantId) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + userToken(tenantId));
    }

    protected RequestSpecification asBearer(String token) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
    }

    protected RequestSpecification withKey(String apiKey) {
        return given().contentType(ContentType.JSON).header("X-API-KEY", apiKey);
    }

    /** Provisions a new tenant (all doubles up) with one store; returns its id. */
    protected String tenantWithStore(String storeCode) {
        String tenantId = newTenantId();
        asUser(tenantId).body(Map.of("tenant_id", tenantId, "tenant_name", "Test Tenant", "tags", List.of("Test")))
                .post("/api/v1/tenants").then().statusCode(201);
        asUser(tenantId).body(Map.of("store_code", storeCode, "store_name", "テスト店舗", "tags", List.of("Test")))
                .post("/api/v1/tenants/{t}/stores", tenantId).then().statusCode(201);
        return tenantId;
    }

    /** Creates a terminal; returns the creation answer's data (with the API key in clear). */
    protected Map<String, Object> createTerminal(String tenantId, String storeCode, int terminalNo) {
        return asUser(tenantId)
                .body(Map.of("store_code", storeCode, "terminal_no", terminalNo, "description", "Test Terminal"))
                .post("/api/v1/terminals").then().statusCode(201).extract().jsonPath().getMap("data");
    }

    /** The claims of a JWT, read without checking (the service checks them). */
    protected static JsonNode claims(String jwt) {
        try {
            String payload = jwt.split("\\.")[1];
            return JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected static String newToken(ExtractableResponse<Response> response) {
        String token = response.header("X-New-Token");
        if (token == null) {
            throw new AssertionError("no X-New-Token header");
        }
        return token;
    }

    /** The records of one key on a topic, from the beginning, waiting until {@code expected} have arrived. */
    protected static List<JsonNode> records(String topic, String key, int expected) {
        return records(topic, key, expected, true).stream().map(JsonNode.class::cast).toList();
    }

    /** As {@link #records(String, String, int)}; raw values (as JSON strings) when {@code json} is false. */
    protected static List<Object> records(String topic, String key, int expected, boolean json) {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<Object> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.currentTimeMillis() + 30_000;
            while (found.size() < expected && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
                    if (key.equals(record.key())) {
                        found.add(json ? JSON.readTree(record.value()) : record.value());
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return found;
    }
}
