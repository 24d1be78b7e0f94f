package dev.kassa.journal;

import dev.kassa.common.test.TestTokens;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class TenantTest extends JournalTestBase {

    @Inject
    ReactiveMongoClient mongo;

    private static String freshId() {
        return "J" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @Test
    void createIsIdempotentAndIndexesEveryFilter() {
        String tenant = freshId();
        for (int i = 0; i < 2; i++) {
            given().contentType(ContentType.JSON).auth().oauth2(TestTokens.user(tenant, "admin", true))
                    .body(Map.of("tenant_id", tenant)).post(TENANTS).then().statusCode(201)
                    .body("success", equalTo(true)).body("code", equalTo(201))
                    .body("data.tenantId", equalTo(tenant)).body("operation", equalTo("create_tenant"));
        }
        // camelCase body and a service token (the terminal service sets tenants up) work too.
        given().contentType(ContentType.JSON).auth().oauth2(TestTokens.service("terminal", tenant))
                .body(Map.of("tenantId", tenant)).post(TENANTS).then().statusCode(201)
                .body("data.tenantId", equalTo(tenant));
        as(tenant).get(journals(tenant, "S1")).then().statusCode(200).body("metadata.total", equalTo(0))
                .body("data", equalTo(List.of()));

        List<Document> indexes = mongo.getDatabase("journal_" + tenant).getCollection("journal").listIndexes()
                .collect().asList().await().atMost(Duration.ofSeconds(10));
        String keys = indexes.stream().map(d -> d.get("key").toString()).toList().toString();
        for (String field : List.of("event_id", "terminal_no", "transaction_type", "business_date",
                "generate_date_time", "receipt_no", "journal_text")) {
            assertTrue(keys.contains(field), field + " is not indexed: " + keys);
        }
        assertTrue(indexes.stream().anyMatch(d -> Boolean.TRUE.equals(d.get("unique"))
                && d.get("key").toString().contains("event_id")), keys);
    }

    @Test
    void badInputAndStrangersAreRefused() {
        String tenant = freshId();
        given().contentType(ContentType.JSON).body(Map.of("tenant_id", tenant)).post(TENANTS).then()
                .statusCode(401).body("success", equalTo(false)).body("userError.code", equalTo("200001"));
        // Someone of another tenant may not set this one up.
        given().contentType(ContentType.JSON).auth().oauth2(TestTokens.user("Jother", "admin", true))
                .body(Map.of("tenant_id", tenant)).post(TENANTS).then().statusCode(400)
                .body("userError.code", equalTo("200003"));
        given().contentType(ContentType.JSON).auth().oauth2(TestTokens.terminal(tenant, "S1", 1, Map.of()))
                .body(Map.of("tenant_id", tenant)).post(TENANTS).then().statusCode(403)
                .body("userError.code", equalTo("200002"));
        given().contentType(ContentType.JSON).auth().oauth2(TestTokens.user(tenant, "admin", true))
                .body(Map.of()).post(TENANTS).then().statusCode(422).body("userError.code", equalTo("300001"));
        given().contentType(ContentType.JSON).auth().oauth2(TestTokens.user(tenant, "admin", true))
                .post(TENANTS).then().statusCode(422).body("userError.code", equalTo("300001"));
        given().contentType(ContentType.JSON).auth().oauth2(TestTokens.user(tenant, "admin", true))
                .body("{\"tenant_id\":").post(TENANTS).then().statusCode(422).body("data", nullValue());
        given().contentType(ContentType.JSON).auth().oauth2(TestTokens.user("bad-tenant", "admin", true))
                .body(Map.of("tenant_id", "bad-tenant")).post(TENANTS).then().statusCode(400)
                .body("userError.code", equalTo("300003"));
        // Nothing was set up by the refused calls.
        as(tenant).get(journals(tenant, "S1")).then().statusCode(404).body("userError.code", equalTo("100001"));
    }
}
