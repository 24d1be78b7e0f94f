package dev.kassa.masterdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.common.auth.Tokens;
import dev.kassa.common.test.KassaInfra;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * What the test classes share: tokens of every kind, a fresh tenant per test, envelope checks and
 * a reader of {@code pos.masterdata}. The stack (KassaInfra, database masterdata) is declared here
 * once, so every @QuarkusTest class gets the same resources and Quarkus starts once for all.
 */
@WithTestResource(value = KassaInfra.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "db", value = "masterdata"))
public abstract class MasterDataTest {

    @Inject
    protected Tokens tokens;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    protected String kafkaBootstrap;

    protected static final ObjectMapper MAPPER = new ObjectMapper();

    /** A tenant id nobody else uses. */
    protected static String newTenant() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    protected String userToken(String tenant) {
        return tokens.sign(Map.of("tenant_id", tenant, "is_superuser", true, "roles", List.of("admin")), "admin", Duration.ofMinutes(30));
    }

    protected String terminalToken(String tenant, String store, int terminalNo) {
        String id = tenant + "-" + store + "-" + terminalNo;
        Map<String, Object> claims = new HashMap<>();
        claims.put("token_type", "terminal");
        claims.put("tenant_id", tenant);
        claims.put("store_code", store);
        claims.put("terminal_no", terminalNo);
        claims.put("terminal_id", id);
        claims.put("status", "Opened");
        return tokens.sign(claims, "terminal:" + id, Duration.ofMinutes(30));
    }

    protected String serviceToken(String tenant) {
        return tokens.serviceToken("terminal", tenant);
    }

    protected static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    /** A tenant set up through the API, with a user token of it. */
    protected String provisioned() {
        String tenant = newTenant();
        as(userToken(tenant)).body(Map.of("tenantId", tenant)).post("/api/v1/tenants").then().statusCode(201);
        return tenant;
    }

    protected static ValidatableResponse ok(ValidatableResponse r, int status, String operation) {
        return r.statusCode(status)
                .body("success", equalTo(true))
                .body("code", equalTo(status))
                .body("userError", nullValue())
                .body("operation", equalTo(operation));
    }

    protected static ValidatableResponse error(ValidatableResponse r, int status, String code) {
        return r.statusCode(status)
                .body("success", equalTo(false))
                .body("code", equalTo(status))
                .body("userError.code", equalTo(code))
                .body("data", nullValue());
    }

    /** The pos.masterdata events of one tenant that match, waiting up to 30 s for {@code count} of them. */
    protected List<JsonNode> events(String tenant, int count, Predicate<JsonNode> match) {
        return events("pos.masterdata", tenant, count, match);
    }

    /** The events of one key on a topic that match, waiting up to 30 s for {@code count} of them. */
    protected List<JsonNode> events(String topic, String key, int count, Predicate<JsonNode> match) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<JsonNode> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            long deadline = System.currentTimeMillis() + 30_000;
            List<TopicPartition> partitions = List.of();
            while (partitions.isEmpty() && System.currentTimeMillis() < deadline) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
                partitions = infos == null ? List.of()
                        : infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (found.size() < count && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
                    if (!key.equals(record.key())) {
                        continue;
                    }
                    try {
                        JsonNode event = MAPPER.readTree(record.value());
                        if (match.test(event)) {
                            found.add(event);
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return found;
    }

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }
}
