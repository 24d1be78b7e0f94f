package dev.kassa.common.platformtest;

import dev.kassa.common.auth.ApiKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** API keys checked against the terminal service through a Redis cache and a circuit breaker. */
@QuarkusTest
class RemoteApiKeyTest extends PlatformTestBase {
    static String tenant;

    @ConfigProperty(name = "kassa.test.fake-terminal-url")
    String fakeTerminal;

    @Inject
    RedisDataSource redis;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void setUp() {
        if (tenant == null) {
            tenant = newTenant();
        }
        control("reset");
        breakers.resetAll();
        redis.key().del(ApiKeys.cacheKey(tenant + "-S1-1"));
    }

    @AfterEach
    void tearDown() {
        control("reset");
    }

    private int control(String what) {
        return Integer.parseInt(RestAssured.given().baseUri(fakeTerminal).port(-1).get("/control/" + what)
                .then().statusCode(200).extract().asString());
    }

    private io.restassured.response.ValidatableResponse read(String key) {
        return given().header("X-API-KEY", key).queryParam("terminal_id", tenant + "-S1-1")
                .get("/api/v1/tenants/" + tenant + "/notes").then();
    }

    @Test
    void aVerifiedKeyIsCachedSoTheTerminalServiceIsAskedOnce() {
        read(FakeTerminalService.KEY).statusCode(200);
        read(FakeTerminalService.KEY).statusCode(200);
        read(FakeTerminalService.KEY).statusCode(200);
        assertEquals(1, control("count"));
        String cached = redis.hash(String.class).hget(ApiKeys.cacheKey(tenant + "-S1-1"), "keyHash");
        assertEquals(ApiKeys.hash(FakeTerminalService.KEY), cached, "only the key's hash is cached");
    }

    @Test
    void aWrongKeyIsRefusedAndNotCached() {
        read("wrong-key").statusCode(401).body("userError.code", equalTo("200001"));
        read("wrong-key").statusCode(401);
        assertEquals(2, control("count"));
    }

    @Test
    void terminalServiceDownGivesA503ForUnknownKeysWhileCachedKeysStillWork() {
        read(FakeTerminalService.KEY).statusCode(200);
        control("down");
        read(FakeTerminalService.KEY).statusCode(200);
        given().header("X-API-KEY", "another-key").queryParam("terminal_id", tenant + "-S1-1")
                .get("/api/v1/tenants/" + tenant + "/notes").then().statusCode(503)
                .body("success", equalTo(false)).body("userError.code", equalTo("600001"));
    }

    @Test
    void aRotatedKeyStopsWorkingOnceTheTerminalServiceEvictsIt() {
        read(FakeTerminalService.KEY).statusCode(200);
        RestAssured.given().baseUri(fakeTerminal).port(-1).queryParam("key", "the-new-key").get("/control/rotate")
                .then().statusCode(200);
        // What the terminal service does on rotation: drop the cached hash of the terminal.
        redis.key().del(ApiKeys.cacheKey(tenant + "-S1-1"));
        read(FakeTerminalService.KEY).statusCode(401);
        read("the-new-key").statusCode(200);
    }
}
