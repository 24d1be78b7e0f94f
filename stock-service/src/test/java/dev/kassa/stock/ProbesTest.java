package dev.kassa.stock;

import dev.kassa.common.auth.ApiKeys;
import dev.kassa.common.test.TestTokens;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;

/**
 * Cross-tenant and bad-input probes on every endpoint: each is refused with a 4xx envelope and
 * leaves the tenant's stock, history, snapshots and schedule as they were.
 */
@QuarkusTest
class ProbesTest extends StockTestBase {

    @Inject
    RedisDataSource redis;

    private record Call(String method, String path, Object body) {
        ValidatableResponse by(RequestSpecification spec) {
            RequestSpecification s = body == null ? spec : spec.body(body);
            return s.request(method, path).then();
        }
    }

    private static List<Call> everyEndpoint(String t) {
        String s = stock(t, "S1");
        return List.of(
                new Call("GET", s, null),
                new Call("GET", s + "/low", null),
                new Call("GET", s + "/reorder-alerts", null),
                new Call("GET", s + "/A", null),
                new Call("GET", s + "/A/history", null),
                new Call("PUT", s + "/A/update", Map.of("quantityChange", -1, "updateType", "sale")),
                new Call("PUT", s + "/A/minimum", Map.of("minimumQuantity", 9)),
                new Call("PUT", s + "/A/reorder", Map.of("reorderPoint", 9, "reorderQuantity", 9)),
                new Call("POST", s + "/snapshot", Map.of("createdBy", "x")),
                new Call("GET", s + "/snapshots", null),
                new Call("GET", s + "/snapshot/00000000-0000-0000-0000-000000000000", null),
                new Call("GET", "/api/v1/tenants/" + t + "/stock/snapshot-schedule", null),
                new Call("PUT", "/api/v1/tenants/" + t + "/stock/snapshot-schedule",
                        Map.of("schedule_interval", "daily", "schedule_hour", 1)),
                new Call("DELETE", "/api/v1/tenants/" + t + "/stock/snapshot-schedule", null));
    }

    private static final List<String> WRITES = List.of("/update", "/minimum", "/reorder", "/snapshot",
            "snapshot-schedule");

    private static boolean isWrite(Call c) {
        return !c.method().equals("GET") && WRITES.stream().anyMatch(c.path()::endsWith);
    }

    private static void assertUntouched(String t) {
        as(t).get(stock(t, "S1") + "/A").then().statusCode(200)
                .body("data.currentQuantity", equalTo(5)).body("data.minimumQuantity", equalTo(0))
                .body("data.reorderPoint", equalTo(0));
        as(t).get(stock(t, "S1") + "/A/history").then().body("data.metadata.total", equalTo(1));
        as(t).get(stock(t, "S1") + "/snapshots").then().body("data.metadata.total", equalTo(0));
        as(t).get("/api/v1/tenants/" + t + "/stock/snapshot-schedule").then()
                .body("data.schedule_hour", equalTo(2)).body("data.created_by", equalTo("system"));
    }

    /** Kugel's /health: the service's name, a check per dependency, and its scheduler under background_jobs. */
    @Test
    void healthNamesTheDependenciesAndTheSnapshotScheduler() {
        given().get("/health").then().statusCode(200)
                .body("service", equalTo("stock")).body("status", equalTo("healthy"))
                .body("checks.postgresql.status", equalTo("healthy"))
                .body("checks.kafka.status", equalTo("healthy"))
                .body("checks.background_jobs.status", equalTo("healthy"))
                .body("checks.background_jobs.details.scheduler_running", equalTo(true))
                .body("checks.background_jobs.details.job_names", org.hamcrest.Matchers.hasItem("stock-snapshots"))
                .body("checks.background_jobs.details.job_count",
                        equalTo(given().get("/health").path("checks.background_jobs.details.job_names.size()")));
    }

    @Test
    void anotherTenantsCallersAreRefusedOnEveryEndpoint() {
        String t = newTenant();
        String other = newTenant();
        adjust(t, "S1", "A", 5);
        for (Call c : everyEndpoint(t)) {
            c.by(as(other)).statusCode(400).body("success", equalTo(false))
                    .body("userError.code", equalTo("200003"));
            // A write that is not a terminal's or a service's to make is refused for its role (403) first.
            c.by(given().contentType(ContentType.JSON)
                            .auth().oauth2(TestTokens.terminal(other, "S1", 1, Map.of())))
                    .statusCode(org.hamcrest.Matchers.oneOf(400, 403)).body("success", equalTo(false))
                    .body("userError.code", org.hamcrest.Matchers.oneOf("200003", "200002"));
            c.by(given().contentType(ContentType.JSON)
                            .auth().oauth2(TestTokens.service("cart", other)))
                    .statusCode(org.hamcrest.Matchers.oneOf(400, 403)).body("success", equalTo(false))
                    .body("userError.code", org.hamcrest.Matchers.oneOf("200003", "200002"));
        }
        assertUntouched(t);
    }

    @Test
    void missingExpiredOrForeignTokensAre401AndTerminalsCannotWrite() {
        String t = newTenant();
        adjust(t, "S1", "A", 5);
        for (Call c : everyEndpoint(t)) {
            c.by(given().contentType(ContentType.JSON)).statusCode(401).body("userError.code", equalTo("200001"));
            c.by(given().contentType(ContentType.JSON).auth().oauth2(TestTokens.expiredUser(t, "admin")))
                    .statusCode(401);
            c.by(given().contentType(ContentType.JSON).auth().oauth2(TestTokens.userSignedByStranger(t, "admin")))
                    .statusCode(401);
            if (isWrite(c)) {
                c.by(asTerminal(t, "S1")).statusCode(403).body("userError.code", equalTo("200002"));
            }
        }
        assertUntouched(t);
    }

    @Test
    void aTerminalWithAnApiKeyReadsAndCannotWrite() {
        String t = newTenant();
        adjust(t, "S1", "A", 5);
        String terminalId = t + "-S1-3";
        String key = ApiKeys.generate();
        // The terminal service's answer as every service caches it, so no terminal service is needed here.
        redis.hash(String.class).hset(ApiKeys.cacheKey(terminalId),
                Map.of("keyHash", ApiKeys.hash(key), "storeCode", "S1", "terminalNo", "3"));
        given().header("X-API-KEY", key).queryParam("terminal_id", terminalId)
                .get(stock(t, "S1") + "/A").then().statusCode(200).body("data.currentQuantity", equalTo(5));
        given().contentType(ContentType.JSON).header("X-API-KEY", key).queryParam("terminal_id", terminalId)
                .body(Map.of("quantityChange", -1, "updateType", "sale"))
                .put(stock(t, "S1") + "/A/update").then().statusCode(403);
        // A key that is not the cached one is checked with the terminal service, absent here: 503, no data.
        given().header("X-API-KEY", "wrong-key").queryParam("terminal_id", terminalId)
                .get(stock(t, "S1") + "/A").then().statusCode(503).body("userError.code", equalTo("600001"));
        assertUntouched(t);
    }

    @Test
    void badTenantIdsAndUnknownTenantsAreRefused() {
        for (Call c : everyEndpoint("1bad-tenant")) {
            c.by(as("1bad-tenant")).statusCode(400).body("userError.code", equalTo("300003"));
        }
        // A valid id this service never set up: the caller's own tenant, so the answer is 404.
        for (Call c : everyEndpoint("Unprovisioned")) {
            c.by(as("Unprovisioned")).statusCode(404);
        }
    }

    @Test
    void badInputIsA422AndChangesNothing() {
        String t = newTenant();
        adjust(t, "S1", "A", 5);
        String s = stock(t, "S1");
        List<Map<String, Object>> badUpdates = List.of(
                Map.of(),
                Map.of("updateType", "sale"),
                Map.of("quantityChange", -1),
                Map.of("quantityChange", -1, "updateType", "steal"),
                Map.of("quantityChange", "abc", "updateType", "sale"),
                Map.of("quantityChange", 0.0001, "updateType", "sale"),
                Map.of("quantityChange", -1, "updateType", "sale", "note", "x".repeat(1001)));
        for (Map<String, Object> body : badUpdates) {
            as(t).body(body).put(s + "/A/update").then().statusCode(422).body("userError.code", equalTo("300001"))
                    .body("message", startsWith("Invalid input data"));
        }
        as(t).body("{\"quantityChange\": -1, ").put(s + "/A/update").then().statusCode(422);
        as(t).put(s + "/A/update").then().statusCode(422);
        as(t).body(Map.of("minimumQuantity", -1)).put(s + "/A/minimum").then().statusCode(422);
        as(t).body(Map.of()).put(s + "/A/minimum").then().statusCode(422);
        as(t).body(Map.of("reorderPoint", 5)).put(s + "/A/reorder").then().statusCode(422);
        as(t).body(Map.of("reorderPoint", 5, "reorderQuantity", -2)).put(s + "/A/reorder").then().statusCode(422);
        String longCode = "X".repeat(65);
        as(t).get(s + "/" + longCode).then().statusCode(422);
        as(t).body(Map.of("quantityChange", 1, "updateType", "purchase")).put(s + "/" + longCode + "/update")
                .then().statusCode(422);
        as(t).get(stock(t, longCode)).then().statusCode(422);
        for (String q : List.of("page=0", "limit=0", "limit=1001", "page=abc")) {
            as(t).get(s + "?" + q).then().statusCode(422);
            as(t).get(s + "/A/history?" + q).then().statusCode(422);
            as(t).get(s + "/snapshots?" + q).then().statusCode(422);
        }
        for (String q : List.of("start_date=yesterday", "end_date=2025-13-01",
                "start_date=2025-02-01&end_date=2025-01-01")) {
            as(t).get(s + "/snapshots?" + q).then().statusCode(422).body("userError.code", equalTo("300001"));
        }
        as(t).body(Map.of("createdBy", "")).post(s + "/snapshot").then().statusCode(422);
        as(t).get(s + "/snapshot/not-a-snapshot").then().statusCode(404).body("userError.code", equalTo("414202"));

        String schedule = "/api/v1/tenants/" + t + "/stock/snapshot-schedule";
        List<Map<String, Object>> badSchedules = List.of(
                Map.of(),
                Map.of("schedule_hour", 1),
                Map.of("schedule_interval", "hourly", "schedule_hour", 1),
                Map.of("schedule_interval", "daily"),
                Map.of("schedule_interval", "daily", "schedule_hour", 24),
                Map.of("schedule_interval", "daily", "schedule_hour", -1),
                Map.of("schedule_interval", "daily", "schedule_hour", 1, "schedule_minute", 60),
                Map.of("schedule_interval", "weekly", "schedule_hour", 1, "schedule_day_of_week", 7),
                Map.of("schedule_interval", "weekly", "schedule_hour", 1),
                Map.of("schedule_interval", "monthly", "schedule_hour", 1, "schedule_day_of_month", 0),
                Map.of("schedule_interval", "monthly", "schedule_hour", 1, "schedule_day_of_month", 32),
                Map.of("schedule_interval", "monthly", "schedule_hour", 1),
                Map.of("schedule_interval", "daily", "schedule_hour", 1, "retention_days", 0),
                Map.of("schedule_interval", "daily", "schedule_hour", 1, "retention_days", 366),
                Map.of("schedule_interval", "daily", "schedule_hour", 1.5),
                Map.of("schedule_interval", "daily", "schedule_hour", 1, "target_stores", List.of()),
                Map.of("schedule_interval", "daily", "schedule_hour", 1, "target_stores", List.of(" ")));
        for (Map<String, Object> body : badSchedules) {
            as(t).body(body).put(schedule).then().statusCode(422).body("userError.code", equalTo("300001"));
        }

        String base = "/api/v1/tenants";
        as(t).body(Map.of()).post(base).then().statusCode(422);
        Map<String, Object> bad = new HashMap<>();
        bad.put("tenantId", "1-bad");
        as(t).body(bad).post(base).then().statusCode(400).body("userError.code", equalTo("300003"));
        as(t).body(Map.of("tenantId", "Someoneelse")).post(base).then().statusCode(400)
                .body("userError.code", equalTo("200003"));
        asTerminal(t, "S1").body(Map.of("tenantId", t)).post(base).then().statusCode(403);
        assertUntouched(t);
    }

    @Test
    void hugeNumbersFarPagesNulBytesAndLongCodesAre422AndChangeNothing() {
        String t = newTenant();
        adjust(t, "S1", "A", 5);
        String s = stock(t, "S1");
        for (String page : List.of(s, s + "/A/history", s + "/snapshots")) {
            as(t).queryParam("page", Integer.MAX_VALUE).queryParam("limit", 1000).get(page).then().statusCode(422)
                    .body("success", equalTo(false)).body("userError.code", equalTo("300001"));
        }
        for (String number : List.of("1e10000", "-1e100000", "1000000000", "0.0001")) {
            as(t).body("{\"quantityChange\":" + number + ",\"updateType\":\"purchase\"}").put(s + "/A/update").then()
                    .statusCode(422).body("userError.code", equalTo("300001"))
                    .body("message", containsString("quantityChange")).body("message.length()", lessThan(1_000));
            as(t).body("{\"minimumQuantity\":" + number.replace("-", "") + "}").put(s + "/A/minimum").then()
                    .statusCode(422);
        }
        as(t).body(Map.of("quantityChange", 999_999_999.999, "updateType", "purchase", "note", "largest"))
                .put(s + "/B/update").then().statusCode(200);
        as(t).urlEncodingEnabled(false).get(s + "/A%00B").then().statusCode(422).body("userError.code", equalTo("300001"));
        as(t).urlEncodingEnabled(false).body(Map.of("quantityChange", 1, "updateType", "purchase"))
                .put(s + "/A%00B/update").then().statusCode(422).body("userError.code", equalTo("300001"));
        as(t).urlEncodingEnabled(false).get(stock(t, "S%001")).then().statusCode(422);
        as(t).body(Map.of("quantityChange", 1, "updateType", "purchase", "referenceId", "r".repeat(5_000)))
                .put(s + "/A/update").then().statusCode(422).body("message", containsString("referenceId"));
        as(t).body(Map.of("quantityChange", 1, "updateType", "purchase", "operatorId", "o\u0000"))
                .put(s + "/A/update").then().statusCode(422).body("userError.code", equalTo("300001"));
        as(t).body(Map.of("createdBy", "c".repeat(100_000))).post(s + "/snapshot").then().statusCode(422);
        as(t).body(Map.of("schedule_interval", "daily", "schedule_hour", 1, "target_stores", List.of("S\u00001")))
                .put("/api/v1/tenants/" + t + "/stock/snapshot-schedule").then().statusCode(422);
        assertUntouched(t);
    }

    @Test
    void provisioningIsIdempotentForUsersAndServicesOfTheTenant() {
        String t = newTenant();
        adjust(t, "S1", "A", 5);
        as(t).body(Map.of("tenantId", t)).post("/api/v1/tenants").then().statusCode(201)
                .body("data.tenantId", equalTo(t)).body("operation", equalTo("create_tenant"));
        given().contentType(ContentType.JSON).auth().oauth2(TestTokens.service("terminal", t))
                .body(Map.of("tenant_id", t)).post("/api/v1/tenants").then().statusCode(201)
                .body("data.tenantId", equalTo(t));
        assertUntouched(t);
    }

    /** The published document against the code: success statuses, typed answers, security (issue 13, wire item 8). */
    @org.junit.jupiter.api.Test
    void theOpenApiDocumentSaysWhatTheCodeDoes() throws Exception {
        dev.kassa.common.test.OpenApiContract.assertDocumentsTheCode("dev.kassa.stock.rest");
    }
}
