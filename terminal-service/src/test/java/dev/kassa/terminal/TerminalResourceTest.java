package dev.kassa.terminal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.common.auth.ApiKeys;
import dev.kassa.common.event.Topics;
import dev.kassa.common.test.KassaInfra;
import dev.kassa.terminal.support.Doubles;
import dev.kassa.terminal.support.TerminalTestBase;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = KassaInfra.class, initArgs = @ResourceArg(name = "db", value = "terminal"),
        scope = TestResourceScope.GLOBAL)
@WithTestResource(value = Doubles.class, scope = TestResourceScope.GLOBAL)
class TerminalResourceTest extends TerminalTestBase {
    private static final String MASKED_TAIL = "*".repeat(39);

    @Inject
    RedisDataSource redis;

    @Test
    void createTerminalShowsTheKeyOnceAndMasksItOnReads() {
        String tenantId = tenantWithStore("5678");
        String terminalId = tenantId + "-5678-9";
        String apiKey = asUser(tenantId)
                .body(Map.of("store_code", "5678", "terminal_no", 9, "description", "Test Terminal"))
                .post("/api/v1/terminals")
                .then().statusCode(201)
                .body("success", equalTo(true))
                .body("code", equalTo(201))
                .body("message", equalTo("Terminal Created. terminal_id: " + terminalId))
                .body("operation", equalTo("create_terminal"))
                .body("data.terminalId", equalTo(terminalId))
                .body("data.tenantId", equalTo(tenantId))
                .body("data.storeCode", equalTo("5678"))
                .body("data.terminalNo", equalTo(9))
                .body("data.description", equalTo("Test Terminal"))
                .body("data.functionMode", equalTo("MainMenu"))
                .body("data.status", equalTo("Idle"))
                .body("data.businessDate", nullValue())
                .body("data.openCounter", equalTo(0))
                .body("data.businessCounter", equalTo(0))
                .body("data.initialAmount", nullValue())
                .body("data.physicalAmount", nullValue())
                .body("data.staff", nullValue())
                .body("data.entryDatetime", notNullValue())
                .extract().path("data.apiKey");
        assertEquals(43, apiKey.length());

        asUser(tenantId).get("/api/v1/terminals/{id}", terminalId)
                .then().statusCode(200)
                .body("operation", equalTo("get_terminal"))
                .body("data.apiKey", equalTo(apiKey.substring(0, 4) + MASKED_TAIL));
        // What the other services ask to check a key: the terminal, with its own key.
        withKey(apiKey).get("/api/v1/terminals/{id}", terminalId)
                .then().statusCode(200)
                .body("data.terminalId", equalTo(terminalId))
                .body("data.tenantId", equalTo(tenantId))
                .body("data.storeCode", equalTo("5678"))
                .body("data.terminalNo", equalTo(9))
                .body("data.apiKey", equalTo(apiKey.substring(0, 4) + MASKED_TAIL));
        withKey(apiKey + "x").get("/api/v1/terminals/{id}", terminalId)
                .then().statusCode(401).body("userError.code", equalTo("200001"));
        given().get("/api/v1/terminals/{id}", terminalId).then().statusCode(401);

        asUser(tenantId).body(Map.of("store_code", "5678", "terminal_no", 9, "description", "Again"))
                .post("/api/v1/terminals")
                .then().statusCode(400).body("userError.code", equalTo("406002"))
                .body("userError.message", equalTo("Terminal already exists: " + terminalId));
        asUser(tenantId).body(Map.of()).post("/api/v1/terminals")
                .then().statusCode(422).body("userError.code", equalTo("300001"));
        asUser(tenantId).body(Map.of("store_code", "5678", "terminal_no", "nine", "description", "x"))
                .post("/api/v1/terminals").then().statusCode(422);
        asUser(tenantId).body(Map.of("store_code", "0000", "terminal_no", 1, "description", "x"))
                .post("/api/v1/terminals").then().statusCode(404).body("userError.code", equalTo("407101"));
        // A terminal cannot create terminals.
        withKey(apiKey).queryParam("terminal_id", terminalId)
                .body(Map.of("store_code", "5678", "terminal_no", 10, "description", "x"))
                .post("/api/v1/terminals").then().statusCode(403);
    }

    @Test
    void listDescribeAndDeleteTerminals() {
        String tenantId = tenantWithStore("5678");
        asUser(tenantId).body(Map.of("store_code", "1000", "store_name", "Other"))
                .post("/api/v1/tenants/{t}/stores", tenantId).then().statusCode(201);
        createTerminal(tenantId, "5678", 1);
        createTerminal(tenantId, "5678", 2);
        String apiKey = (String) createTerminal(tenantId, "1000", 1).get("apiKey");

        asUser(tenantId).queryParam("store_code", "5678").queryParam("sort", "terminal_no:-1")
                .get("/api/v1/terminals")
                .then().statusCode(200)
                .body("operation", equalTo("get_terminals"))
                .body("data.terminalId", contains(tenantId + "-5678-2", tenantId + "-5678-1"))
                .body("data[0].apiKey", notNullValue())
                .body("metadata.total", equalTo(2))
                .body("metadata.filter.store_code", equalTo("5678"))
                .body("metadata.sort", equalTo("terminal_no:-1"));
        asUser(tenantId).queryParam("limit", 1).get("/api/v1/terminals")
                .then().statusCode(200).body("data", hasSize(1)).body("metadata.total", equalTo(3));
        asUser(tenantId).queryParam("sort", "api_key_hash:1").get("/api/v1/terminals")
                .then().statusCode(400).body("userError.code", equalTo("300002"));
        asUser(tenantId).queryParam("limit", 0).get("/api/v1/terminals").then().statusCode(422);

        String terminalId = tenantId + "-1000-1";
        withKey(apiKey).body(Map.of("description", "Counter by the door"))
                .patch("/api/v1/terminals/{id}/description", terminalId)
                .then().statusCode(200)
                .body("operation", equalTo("update_terminal_description"))
                .body("data.description", equalTo("Counter by the door"))
                .body("data.lastUpdateDatetime", notNullValue());
        withKey(apiKey).body(Map.of()).patch("/api/v1/terminals/{id}/description", terminalId)
                .then().statusCode(422);

        // Only a user deletes; afterwards the terminal and its key are gone.
        withKey(apiKey).delete("/api/v1/terminals/{id}", terminalId).then().statusCode(403);
        asUser(tenantId).delete("/api/v1/terminals/{id}", terminalId)
                .then().statusCode(200)
                .body("data.terminalId", equalTo(terminalId))
                .body("operation", equalTo("delete_terminal"));
        asUser(tenantId).get("/api/v1/terminals/{id}", terminalId)
                .then().statusCode(404).body("userError.code", equalTo("406001"));
        withKey(apiKey).get("/api/v1/terminals/{id}", terminalId).then().statusCode(401);
        asUser(tenantId).delete("/api/v1/terminals/{id}", terminalId).then().statusCode(404);
    }

    @Test
    void apiKeysAreStoredHashedRotateAtOnceAndStayInTheirTenant() throws Exception {
        String tenantA = tenantWithStore("5678");
        String tenantB = tenantWithStore("5678");
        String terminalA = tenantA + "-5678-1";
        String terminalB = tenantB + "-5678-1";
        String keyA = (String) createTerminal(tenantA, "5678", 1).get("apiKey");
        String keyB = (String) createTerminal(tenantB, "5678", 1).get("apiKey");

        // The stored value is not the key: only its SHA-256 and the first four characters.
        try (Connection db = database();
             PreparedStatement q = db.prepareStatement("SELECT api_key_hash, api_key_prefix, row_to_json(t)::text"
                     + " FROM \"t_" + tenantA + "\".terminal t WHERE terminal_id = ?")) {
            q.setString(1, terminalA);
            try (ResultSet row = q.executeQuery()) {
                assertTrue(row.next());
                assertNotEquals(keyA, row.getString(1));
                assertEquals(ApiKeys.hash(keyA), row.getString(1));
                assertEquals(keyA.substring(0, 4), row.getString(2));
                assertFalse(row.getString(3).contains(keyA), "no column holds the key");
            }
        }

        // A key of tenant A cannot act on tenant B.
        withKey(keyA).get("/api/v1/terminals/{id}", terminalB).then().statusCode(401);
        withKey(keyA).queryParam("terminal_id", terminalA).get("/api/v1/tenants/{t}/stores", tenantB)
                .then().statusCode(400).body("userError.code", equalTo("200003"));
        withKey(keyA).queryParam("terminal_id", terminalA).get("/api/v1/terminals/{id}", terminalB)
                .then().statusCode(400).body("userError.code", equalTo("200003"));
        asUser(tenantA).get("/api/v1/terminals/{id}", terminalB)
                .then().statusCode(400).body("userError.code", equalTo("200003"));
        given().header("X-API-KEY", keyA).queryParam("terminal_id", terminalB).post("/api/v1/auth/token")
                .then().statusCode(401);
        // Nor on another terminal of its own tenant.
        createTerminal(tenantA, "5678", 2);
        withKey(keyA).queryParam("terminal_id", terminalA).get("/api/v1/terminals/{id}", tenantA + "-5678-2")
                .then().statusCode(403);

        // Another service has the key cached; a rotation evicts it, and the old key stops working here.
        String cacheKey = ApiKeys.cacheKey(terminalA);
        redis.hash(String.class).hset(cacheKey, Map.of("keyHash", ApiKeys.hash(keyA), "storeCode", "5678",
                "terminalNo", "1"));
        withKey(keyA).post("/api/v1/terminals/{id}/api-key", terminalA).then().statusCode(403);
        String rotated = asUser(tenantA).post("/api/v1/terminals/{id}/api-key", terminalA)
                .then().statusCode(200)
                .body("data.terminalId", equalTo(terminalA))
                .extract().path("data.apiKey");
        assertEquals(43, rotated.length());
        assertNotEquals(keyA, rotated);
        assertFalse(redis.key(String.class).exists(cacheKey), "cached key evicted");
        withKey(keyA).get("/api/v1/terminals/{id}", terminalA).then().statusCode(401);
        withKey(rotated).get("/api/v1/terminals/{id}", terminalA).then().statusCode(200)
                .body("data.apiKey", equalTo(rotated.substring(0, 4) + MASKED_TAIL));
        withKey(keyB).get("/api/v1/terminals/{id}", terminalB).then().statusCode(200);
    }

    @Test
    void terminalTokenForAnApiKey() {
        String tenantId = tenantWithStore("5678");
        String terminalId = tenantId + "-5678-9";
        String apiKey = (String) createTerminal(tenantId, "5678", 9).get("apiKey");

        Doubles.staff(tenantId, "S001", "Staff1");
        String token = given().header("X-API-KEY", apiKey).queryParam("terminal_id", terminalId)
                .post("/api/v1/auth/token")
                .then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.token_type", equalTo("bearer"))
                .body("data.expires_in", equalTo(86400))
                .extract().path("data.access_token");
        JsonNode claims = claims(token);
        assertEquals("terminal:" + terminalId, claims.path("sub").asText());
        assertEquals("kassa", claims.path("iss").asText());
        assertEquals("terminal", claims.path("token_type").asText());
        assertEquals(tenantId, claims.path("tenant_id").asText());
        assertEquals("5678", claims.path("store_code").asText());
        assertEquals(9, claims.path("terminal_no").asInt());
        assertEquals(terminalId, claims.path("terminal_id").asText());
        assertEquals("Idle", claims.path("status").asText());
        assertEquals(0, claims.path("open_counter").asInt());
        assertEquals(0, claims.path("business_counter").asInt());
        assertFalse(claims.has("business_date"));
        assertFalse(claims.has("staff_id"));
        assertEquals(86400, claims.path("exp").asLong() - claims.path("iat").asLong());

        // The token works as the terminal's credential.
        asBearer(token).get("/api/v1/terminals/{id}", terminalId).then().statusCode(200);
        // Without terminal_id the key is looked up in every tenant.
        String again = given().header("X-API-KEY", apiKey).post("/api/v1/auth/token")
                .then().statusCode(200).extract().path("data.access_token");
        assertEquals(terminalId, claims(again).path("terminal_id").asText());

        given().header("X-API-KEY", "not-a-key").post("/api/v1/auth/token")
                .then().statusCode(401).body("userError.code", equalTo("200001"));
        given().queryParam("terminal_id", terminalId).post("/api/v1/auth/token")
                .then().statusCode(401).body("userError.code", equalTo("200001"));
    }

    @Test
    void functionModesFollowTheTerminalState() {
        String tenantId = tenantWithStore("5678");
        String terminalId = tenantId + "-5678-1";
        String apiKey = (String) createTerminal(tenantId, "5678", 1).get("apiKey");

        for (String mode : List.of("Sales", "Returns", "Void", "CloseTerminal", "CashInOut")) {
            mode(apiKey, terminalId, mode).then().statusCode(400)
                    .body("userError.code", equalTo("406003"))
                    .body("userError.message", equalTo("Terminal is not opened: " + terminalId));
        }
        for (String mode : List.of("MainMenu", "OpenTerminal", "Reports", "Journal", "Maintenance")) {
            mode(apiKey, terminalId, mode).then().statusCode(200)
                    .body("operation", equalTo("update_terminal_function_mode"))
                    .body("data.functionMode", equalTo(mode));
        }
        mode(apiKey, terminalId, "Dance").then().statusCode(422).body("userError.code", equalTo("300001"));
        withKey(apiKey).body(Map.of()).patch("/api/v1/terminals/{id}/function_mode", terminalId)
                .then().statusCode(422);

        withKey(apiKey).post("/api/v1/terminals/{id}/open", terminalId).then().statusCode(200);
        mode(apiKey, terminalId, "OpenTerminal").then().statusCode(400)
                .body("userError.code", equalTo("406003"))
                .body("userError.message", equalTo("Terminal is already opened: " + terminalId));
        for (String mode : List.of("Sales", "Returns", "Void", "CashInOut", "Reports", "MainMenu", "CloseTerminal")) {
            mode(apiKey, terminalId, mode).then().statusCode(200).body("data.functionMode", equalTo(mode));
        }

        withKey(apiKey).post("/api/v1/terminals/{id}/close", terminalId).then().statusCode(200);
        mode(apiKey, terminalId, "Sales").then().statusCode(400).body("userError.code", equalTo("406003"));
        mode(apiKey, terminalId, "OpenTerminal").then().statusCode(200);
    }

    private Response mode(String apiKey, String terminalId, String mode) {
        return withKey(apiKey).body(Map.of("function_mode", mode))
                .patch("/api/v1/terminals/{id}/function_mode", terminalId);
    }

    @Test
    void signInChecksStaffInMasterDataAndSignOutIsIdempotent() {
        String tenantId = tenantWithStore("5678");
        String terminalId = tenantId + "-5678-1";
        String apiKey = (String) createTerminal(tenantId, "5678", 1).get("apiKey");
        Doubles.staff(tenantId, "S001", "Staff1");

        withKey(apiKey).body(Map.of("staff_id", "S999")).post("/api/v1/terminals/{id}/sign-in", terminalId)
                .then().statusCode(401)
                .body("userError.code", equalTo("406004"))
                .body("userError.message", equalTo("Staff not found: S999"));
        withKey(apiKey).body(Map.of()).post("/api/v1/terminals/{id}/sign-in", terminalId).then().statusCode(422);

        ExtractableResponse<Response> signedIn = withKey(apiKey).body(Map.of("staffId", "S001"))
                .post("/api/v1/terminals/{id}/sign-in", terminalId)
                .then().statusCode(200)
                .body("operation", equalTo("terminal_signin"))
                .body("message", equalTo("Terminal Signed In. terminal_id: " + terminalId + " staff_id: S001"))
                .body("data.staff.staffId", equalTo("S001"))
                .body("data.staff.staffName", equalTo("Staff1"))
                .body("data.staff.staffPin", nullValue())
                .body("data.status", equalTo("Idle"))
                .extract();
        JsonNode claims = claims(newToken(signedIn));
        assertEquals("S001", claims.path("staff_id").asText());
        assertEquals("Staff1", claims.path("staff_name").asText());
        // The service asked master data with a service token of its own.
        String lookup = Doubles.calls("masterdata", "/api/v1/tenants/" + tenantId + "/staff/S001").get(0);
        JsonNode service = claims(lookup.split("\\| Bearer ")[1].split(" ")[0]);
        assertEquals("service:terminal", service.path("sub").asText());
        assertEquals(tenantId, service.path("tenant_id").asText());

        withKey(apiKey).body(Map.of("staff_id", "S001")).post("/api/v1/terminals/{id}/sign-in", terminalId)
                .then().statusCode(400).body("userError.code", equalTo("406014"));

        for (int i = 0; i < 2; i++) {
            ExtractableResponse<Response> out = withKey(apiKey).post("/api/v1/terminals/{id}/sign-out", terminalId)
                    .then().statusCode(200)
                    .body("operation", equalTo("terminal_signout"))
                    .body("data.staff", nullValue())
                    .extract();
            assertFalse(claims(newToken(out)).has("staff_id"));
        }
    }

    @Test
    void signInWhileMasterDataIsDownIsAClearFailure() {
        String tenantId = tenantWithStore("5678");
        String terminalId = tenantId + "-5678-1";
        String apiKey = (String) createTerminal(tenantId, "5678", 1).get("apiKey");
        Doubles.staff(tenantId, "S001", "Staff1");
        Doubles.stop("masterdata");
        try {
            withKey(apiKey).body(Map.of("staff_id", "S001")).post("/api/v1/terminals/{id}/sign-in", terminalId)
                    .then().statusCode(503).body("userError.code", equalTo("407202"));
        } finally {
            Doubles.start("masterdata");
        }
        withKey(apiKey).body(Map.of("staff_id", "S001")).post("/api/v1/terminals/{id}/sign-in", terminalId)
                .then().statusCode(200);
    }

    /** Other services cache the terminal's state with its key: each change of the state evicts it. */
    @Test
    void stateChangesEvictTheCachedTerminal() {
        String tenantId = tenantWithStore("5678");
        String terminalId = tenantId + "-5678-1";
        String apiKey = (String) createTerminal(tenantId, "5678", 1).get("apiKey");
        Doubles.staff(tenantId, "S001", "Staff1");
        String cacheKey = ApiKeys.cacheKey(terminalId);
        Map<String, String> cached = Map.of("keyHash", ApiKeys.hash(apiKey), "storeCode", "5678", "terminalNo", "1",
                "status", "Idle");
        for (String step : List.of("sign-in", "open", "close", "sign-out")) {
            redis.hash(String.class).hset(cacheKey, cached);
            withKey(apiKey).body(Map.of("staff_id", "S001")).post("/api/v1/terminals/{id}/" + step, terminalId)
                    .then().statusCode(200);
            assertFalse(redis.key(String.class).exists(cacheKey), step + " evicts the cached state");
        }
    }

    @Test
    void openCloseAndCashFollowTheContractRules() {
        String tenantId = tenantWithStore("5678");
        String terminalId = tenantId + "-5678-1";
        String apiKey = (String) createTerminal(tenantId, "5678", 1).get("apiKey");
        Doubles.staff(tenantId, "S001", "Staff1");

        withKey(apiKey).post("/api/v1/terminals/{id}/close", terminalId)
                .then().statusCode(400).body("userError.code", equalTo("406003"))
                .body("userError.message", equalTo("Terminal is not opened: " + terminalId));
        // Cash needs a signed-in staff member first (401), then an opened terminal (400).
        withKey(apiKey).body(Map.of("amount", 1000)).post("/api/v1/terminals/{id}/cash-in", terminalId)
                .then().statusCode(401).body("userError.code", equalTo("406013"))
                .body("userError.message", equalTo("Terminal is not signed in: " + terminalId));
        withKey(apiKey).body(Map.of("staff_id", "S001")).post("/api/v1/terminals/{id}/sign-in", terminalId)
                .then().statusCode(200);
        withKey(apiKey).body(Map.of("amount", 1000)).post("/api/v1/terminals/{id}/cash-out", terminalId)
                .then().statusCode(400).body("userError.code", equalTo("406003"));

        withKey(apiKey).body(Map.of("initial_amount", -1)).post("/api/v1/terminals/{id}/open", terminalId)
                .then().statusCode(422);
        // Sign-in is not needed to open, and the body is optional.
        withKey(apiKey).post("/api/v1/terminals/{id}/open", terminalId).then().statusCode(200)
                .body("data.initialAmount", nullValue());
        withKey(apiKey).body(Map.of("initial_amount", 100)).post("/api/v1/terminals/{id}/open", terminalId)
                .then().statusCode(400).body("userError.code", equalTo("406003"))
                .body("userError.message", equalTo("Terminal is already opened: " + terminalId));

        withKey(apiKey).body(Map.of("amount", 0)).post("/api/v1/terminals/{id}/cash-in", terminalId)
                .then().statusCode(422);
        withKey(apiKey).body(Map.of("description", "x")).post("/api/v1/terminals/{id}/cash-in", terminalId)
                .then().statusCode(422);
        withKey(apiKey).body(Map.of("amount", 1200)).post("/api/v1/terminals/{id}/cash-in", terminalId)
                .then().statusCode(200)
                .body("operation", equalTo("terminal_cash_in"))
                .body("data.terminalId", equalTo(terminalId))
                .body("data.amount", equalTo(1200))
                .body("data.description", equalTo("Cash In (Default)"));
        withKey(apiKey).body(Map.of("amount", 700.5)).post("/api/v1/terminals/{id}/cash-out", terminalId)
                .then().statusCode(200)
                .body("operation", equalTo("terminal_cash_out"))
                .body("data.amount", equalTo(-700.5f))
                .body("data.description", equalTo("Cash Out (Default)"));

        withKey(apiKey).body(Map.of("physical_amount", 500)).post("/api/v1/terminals/{id}/close", terminalId)
                .then().statusCode(200).body("data.physicalAmount", equalTo(500));
        withKey(apiKey).post("/api/v1/terminals/{id}/close", terminalId)
                .then().statusCode(400).body("userError.code", equalTo("406003"))
                .body("userError.message", equalTo("Terminal is already closed: " + terminalId));
        withKey(apiKey).body(Map.of("amount", 1)).post("/api/v1/terminals/{id}/cash-in", terminalId)
                .then().statusCode(400).body("userError.code", equalTo("406003"));
        asUser(tenantId).post("/api/v1/terminals/{id}/open", tenantId + "-5678-77")
                .then().statusCode(404).body("userError.code", equalTo("406001"));
    }

    @Test
    void closeWaitsForTheCartAndKeepsTheTerminalOpenWhileItIsDown() {
        String tenantId = tenantWithStore("5678");
        String terminalId = tenantId + "-5678-1";
        String apiKey = (String) createTerminal(tenantId, "5678", 1).get("apiKey");
        withKey(apiKey).post("/api/v1/terminals/{id}/open", terminalId).then().statusCode(200);
        Doubles.stop("cart");
        try {
            withKey(apiKey).post("/api/v1/terminals/{id}/close", terminalId)
                    .then().statusCode(503).body("userError.code", equalTo("407203"));
            withKey(apiKey).get("/api/v1/terminals/{id}", terminalId).then().body("data.status", equalTo("Opened"));
        } finally {
            Doubles.start("cart");
        }
        withKey(apiKey).post("/api/v1/terminals/{id}/close", terminalId).then().statusCode(200)
                .body("data.terminalInfo.status", equalTo("Closed"));
    }

    @Test
    void deliveryStatusFromCallbacksAndAcknowledgements() throws Exception {
        String tenantId = tenantWithStore("5678");
        String terminalId = tenantId + "-5678-1";
        String apiKey = (String) createTerminal(tenantId, "5678", 1).get("apiKey");
        withKey(apiKey).body(Map.of("initial_amount", 1000)).post("/api/v1/terminals/{id}/open", terminalId)
                .then().statusCode(200);

        List<Map<String, Object>> events = asUser(tenantId).get("/api/v1/terminals/{id}/delivery-status", terminalId)
                .then().statusCode(200).body("data", hasSize(2)).extract().jsonPath().getList("data");
        Map<String, Object> open = events.stream().filter(e -> e.get("eventType").equals("open")).findFirst()
                .orElseThrow();
        Map<String, Object> cash = events.stream().filter(e -> e.get("eventType").equals("cash_in_out")).findFirst()
                .orElseThrow();
        assertEquals("pos.opencloselog", open.get("topic"));
        assertEquals("pos.cashlog", cash.get("topic"));
        assertEquals("published", open.get("status"));
        assertEquals(List.of(Map.of("service", "journal", "status", "pending"),
                Map.of("service", "report", "status", "pending")), ((List<Map<String, Object>>) open.get("services"))
                .stream().map(s -> Map.of("service", s.get("service"), "status", s.get("status"))).toList());
        String openEvent = (String) open.get("eventId");

        // The callback of the contract, with a service token.
        asBearer(tokens.serviceToken("report", tenantId))
                .body(Map.of("event_id", openEvent, "service", "report", "status", "received", "message", ""))
                .post("/api/v1/terminals/{id}/delivery-status", terminalId)
                .then().statusCode(200)
                .body("operation", equalTo("update_delivery_status"))
                .body("data.event_id", equalTo(openEvent))
                .body("data.service", equalTo("report"))
                .body("data.status", equalTo("received"))
                .body("data.success", equalTo(true));
        asUser(tenantId).queryParam("event_id", openEvent).get("/api/v1/terminals/{id}/delivery-status", terminalId)
                .then().body("data[0].status", equalTo("partially_delivered"));

        // The journal acknowledges on Kafka instead.
        String ack = JSON.writeValueAsString(Map.of("event_id", openEvent, "event_type", "open",
                "source_topic", "pos.opencloselog", "tenant_id", tenantId, "service", "journal",
                "status", "received", "message", "", "occurred_at", "2025-06-02T10:00:00Z"));
        produce(Topics.DELIVERY_ACK_TERMINAL, terminalId, ack);
        long deadline = System.currentTimeMillis() + 20_000;
        String status = null;
        while (System.currentTimeMillis() < deadline) {
            status = asUser(tenantId).queryParam("event_id", openEvent)
                    .get("/api/v1/terminals/{id}/delivery-status", terminalId).then().extract().path("data[0].status");
            if ("delivered".equals(status)) {
                break;
            }
            Thread.sleep(200);
        }
        assertEquals("delivered", status);

        // A record nobody can read goes to the dead-letter topic.
        String poisonKey = "poison-" + terminalId;
        produce(Topics.DELIVERY_ACK_TERMINAL, poisonKey, "not json");
        assertEquals(1, records("pos.dlq", poisonKey, 1, false).size());

        // Unknown events, terminals as callers and bad input.
        asBearer(tokens.serviceToken("report", tenantId))
                .body(Map.of("event_id", "7d3c1f4e-0000-4000-8000-000000000000", "service", "report",
                        "status", "received"))
                .post("/api/v1/terminals/{id}/delivery-status", terminalId).then().statusCode(404);
        asBearer(tokens.serviceToken("report", tenantId))
                .body(Map.of("event_id", openEvent, "service", "report", "status", "lost"))
                .post("/api/v1/terminals/{id}/delivery-status", terminalId).then().statusCode(422);
        withKey(apiKey).body(Map.of("event_id", openEvent, "service", "report", "status", "received"))
                .post("/api/v1/terminals/{id}/delivery-status", terminalId).then().statusCode(403);
    }

    /**
     * A burst of acknowledgements of many events, in one send so that they share polls: duplicates, a
     * failure followed by a success of the same service, a poison record, and words on events that are
     * not ours (a tranlog's, an unknown event, a tenant that does not exist) all end in the right status,
     * and only the poison record is dead-lettered. The terminal service's consumer group reads only its
     * own acknowledgement topic.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aBurstOfAcknowledgementsGivesEveryEventItsStatus() throws Exception {
        String tenantId = tenantWithStore("5678");
        String terminalId = tenantId + "-5678-2";
        String apiKey = (String) createTerminal(tenantId, "5678", 2).get("apiKey");
        Doubles.staff(tenantId, "S001", "Staff1");
        String token = given().header("X-API-KEY", apiKey).queryParam("terminal_id", terminalId)
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("data.access_token");
        token = newToken(asBearer(token).body(Map.of("staff_id", "S001"))
                .post("/api/v1/terminals/{id}/sign-in", terminalId).then().statusCode(200).extract());
        token = newToken(asBearer(token).body(Map.of("initial_amount", 1000))
                .post("/api/v1/terminals/{id}/open", terminalId).then().statusCode(200).extract());
        for (int i = 0; i < 48; i++) {
            asBearer(token).body(Map.of("amount", 100 + i)).post("/api/v1/terminals/{id}/cash-in", terminalId)
                    .then().statusCode(200);
        }
        List<Map<String, Object>> listed = asUser(tenantId).queryParam("limit", 100)
                .get("/api/v1/terminals/{id}/delivery-status", terminalId).then().statusCode(200)
                .body("data", hasSize(50)).extract().jsonPath().getList("data");
        List<String> events = listed.stream().map(e -> (String) e.get("eventId")).toList();
        Map<String, String> topics = new java.util.HashMap<>();
        listed.forEach(e -> topics.put((String) e.get("eventId"), (String) e.get("topic")));

        List<String[]> acks = new java.util.ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            String event = events.get(i);
            String topic = topics.get(event);
            if (i < 35) {
                acks.add(new String[]{tenantId, event, topic, "journal", "failed", "mongo away"});
                acks.add(new String[]{tenantId, event, topic, "report", "received", ""});
                acks.add(new String[]{tenantId, event, topic, "journal", "received", ""});
                acks.add(new String[]{tenantId, event, topic, "report", "received", ""});
            } else if (i < 42) {
                acks.add(new String[]{tenantId, event, topic, "report", "received", ""});
                acks.add(new String[]{tenantId, event, topic, "journal", "failed", "bad line"});
            } else {
                acks.add(new String[]{tenantId, event, topic, "report", "failed", "no"});
                acks.add(new String[]{tenantId, event, topic, "journal", "failed", "no"});
            }
            acks.add(new String[]{tenantId, event, "pos.tranlog", "stock", "failed", "not ours"});
        }
        acks.add(new String[]{tenantId, "7d3c1f4e-0000-4000-8000-000000000001", "pos.cashlog", "report", "received",
                ""});
        acks.add(new String[]{"Tnobody" + System.nanoTime() % 100000, events.get(0), "pos.cashlog", "report",
                "failed", ""});
        String poisonKey = "burst-poison-" + terminalId;
        try (var producer = producer()) {
            for (String[] a : acks) {
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.DELIVERY_ACK_TERMINAL,
                        terminalId, JSON.writeValueAsString(Map.of("event_id", a[1], "event_type", "cash_in_out",
                                "source_topic", a[2], "tenant_id", a[0], "service", a[3], "status", a[4],
                                "message", a[5], "occurred_at", "2025-06-02T10:00:00Z"))));
                if (a[1].equals(events.get(20)) && a[3].equals("journal") && a[4].equals("failed")) {
                    producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(
                            Topics.DELIVERY_ACK_TERMINAL, poisonKey, "{\"event_id\":\"x\"}"));
                }
            }
            producer.flush();
        }

        long deadline = System.currentTimeMillis() + 60_000;
        Map<String, Map<String, Object>> byId = Map.of();
        while (System.currentTimeMillis() < deadline) {
            List<Map<String, Object>> now = asUser(tenantId).queryParam("limit", 100)
                    .get("/api/v1/terminals/{id}/delivery-status", terminalId).then().statusCode(200)
                    .extract().jsonPath().getList("data");
            byId = new java.util.HashMap<>();
            for (Map<String, Object> e : now) {
                byId.put((String) e.get("eventId"), e);
            }
            if ("failed".equals(byId.get(events.get(events.size() - 1)).get("status"))) {
                break;
            }
            Thread.sleep(200);
        }
        for (int i = 0; i < events.size(); i++) {
            Map<String, Object> e = byId.get(events.get(i));
            String expected = i < 35 ? "delivered" : i < 42 ? "partially_delivered" : "failed";
            assertEquals(expected, e.get("status"), "event " + i + ": " + e);
            Map<String, Map<String, Object>> services = new java.util.HashMap<>();
            ((List<Map<String, Object>>) e.get("services")).forEach(x -> services.put((String) x.get("service"), x));
            assertEquals(java.util.Set.of("journal", "report"), services.keySet(), e.toString());
            if (i >= 35 && i < 42) {
                assertEquals("bad line", services.get("journal").get("message"));
            }
        }
        assertEquals(1, records("pos.dlq", poisonKey, 1, false).size());

        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers",
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class)))) {
            var offsets = admin.listConsumerGroupOffsets("terminal-service").partitionsToOffsetAndMetadata()
                    .get(30, java.util.concurrent.TimeUnit.SECONDS).keySet();
            assertTrue(offsets.stream().noneMatch(p -> p.topic().equals(Topics.DELIVERY_ACK_CART)), offsets.toString());
        }
    }

    private static org.apache.kafka.clients.producer.KafkaProducer<String, String> producer() {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        return new org.apache.kafka.clients.producer.KafkaProducer<>(Map.of(
                "bootstrap.servers", bootstrap,
                "key.serializer", org.apache.kafka.common.serialization.StringSerializer.class.getName(),
                "value.serializer", org.apache.kafka.common.serialization.StringSerializer.class.getName()));
    }

    private static void produce(String topic, String key, String value) throws Exception {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(Map.of(
                "bootstrap.servers", bootstrap,
                "key.serializer", org.apache.kafka.common.serialization.StringSerializer.class.getName(),
                "value.serializer", org.apache.kafka.common.serialization.StringSerializer.class.getName()))) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static Connection database() throws Exception {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    /** A retried cash-in with an Idempotency-Key moves the drawer once; the key with another body is refused. */
    @Test
    void retriedCashInWithAnIdempotencyKeyAppliesOnce() {
        String tenantId = tenantWithStore("5678");
        Doubles.staff(tenantId, "S001", "Staff1");
        String apiKey = (String) createTerminal(tenantId, "5678", 3).get("apiKey");
        String terminalId = tenantId + "-5678-3";
        withKey(apiKey).body(Map.of("staff_id", "S001")).post("/api/v1/terminals/{id}/sign-in", terminalId)
                .then().statusCode(200);
        withKey(apiKey).body(Map.of("initial_amount", 1000)).post("/api/v1/terminals/{id}/open", terminalId)
                .then().statusCode(200);

        String key = java.util.UUID.randomUUID().toString();
        Response first = withKey(apiKey).header("Idempotency-Key", key).body(Map.of("amount", 700))
                .post("/api/v1/terminals/{id}/cash-in", terminalId);
        Response again = withKey(apiKey).header("Idempotency-Key", key).body(Map.of("amount", 700))
                .post("/api/v1/terminals/{id}/cash-in", terminalId);
        assertEquals(200, first.statusCode(), first.asString());
        assertEquals(200, again.statusCode());
        assertEquals(first.asString(), again.asString());
        assertEquals("true", again.header("Idempotent-Replayed"));
        withKey(apiKey).header("Idempotency-Key", key).body(Map.of("amount", 800))
                .post("/api/v1/terminals/{id}/cash-in", terminalId)
                .then().statusCode(422).body("userError.code", equalTo("300001"));
        withKey(apiKey).body(Map.of("amount", 900)).post("/api/v1/terminals/{id}/cash-in", terminalId)
                .then().statusCode(200);

        // the drawer's log: the float, the first cash-in once, then the next one (a replay would sit in between)
        List<JsonNode> logs = records(Topics.CASHLOG, Topics.terminalKey(tenantId, "5678", 3), 3);
        assertEquals(List.of(1000, 700, 900), logs.stream().map(l -> l.path("amount").asInt()).toList());
    }

    /** The published document against the code: success statuses, typed answers, security (issue 13, wire item 8). */
    @org.junit.jupiter.api.Test
    void theOpenApiDocumentSaysWhatTheCodeDoes() throws Exception {
        dev.kassa.common.test.OpenApiContract.assertDocumentsTheCode("dev.kassa.terminal.rest");
    }
}
