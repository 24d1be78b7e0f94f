package dev.kassa.terminal;

import dev.kassa.common.test.KassaInfra;
import dev.kassa.terminal.support.Doubles;
import dev.kassa.terminal.support.TerminalTestBase;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = KassaInfra.class, initArgs = @ResourceArg(name = "db", value = "terminal"),
        scope = TestResourceScope.GLOBAL)
@WithTestResource(value = Doubles.class, scope = TestResourceScope.GLOBAL)
class TenantResourceTest extends TerminalTestBase {

    @Test
    void createTenantSetsItUpInEveryServiceWithTheCallersToken() {
        String tenantId = newTenantId();
        String token = userToken(tenantId);
        given().contentType("application/json").header("Authorization", "Bearer " + token)
                .body(Map.of("tenant_id", tenantId, "tenant_name", "Test Tenant", "tags", List.of("Test")))
                .post("/api/v1/tenants")
                .then().statusCode(201)
                .body("success", equalTo(true))
                .body("code", equalTo(201))
                .body("message", equalTo("Tenant created successfully for tenant " + tenantId))
                .body("userError", nullValue())
                .body("operation", equalTo("create_tenant"))
                .body("data.tenantId", equalTo(tenantId))
                .body("data.tenantName", equalTo("Test Tenant"))
                .body("data.tags", contains("Test"))
                .body("data.stores", empty())
                .body("data.entryDatetime", notNullValue())
                .body("data.provisioning", equalTo(Map.of("masterdata", "ok", "cart", "ok", "report", "ok",
                        "journal", "ok", "stock", "ok")));

        for (String service : Doubles.SERVICES) {
            List<String> calls = Doubles.calls(service, "POST /api/v1/tenants | Bearer " + token);
            assertEquals(1, calls.size(), service + " gets one setup call with the caller's token");
            assertEquals(true, calls.get(0).endsWith("{\"tenant_id\":\"" + tenantId + "\"}"), calls.get(0));
        }

        // Once every service has it, the tenant is a duplicate (camelCase body this time).
        asUser(tenantId).body(Map.of("tenantId", tenantId, "tenantName", "Again", "tags", List.of()))
                .post("/api/v1/tenants")
                .then().statusCode(400)
                .body("success", equalTo(false))
                .body("userError.code", equalTo("407002"))
                .body("userError.message", equalTo("Tenant already exists: " + tenantId));
    }

    @Test
    void aServiceThatIsDownGivesAClearPartialResultAndARepeatCompletesIt() {
        String tenantId = newTenantId();
        Map<String, Object> body = Map.of("tenant_id", tenantId, "tenant_name", "Test Tenant", "tags", List.of("A"));
        Doubles.stop("stock");
        try {
            asUser(tenantId).body(body).post("/api/v1/tenants")
                    .then().statusCode(503)
                    .body("success", equalTo(false))
                    .body("code", equalTo(503))
                    .body("userError.code", equalTo("407201"))
                    .body("message", containsString("not fully provisioned; failed: stock ("))
                    .body("message", containsString("Repeat the request to complete it."))
                    .body("data.tenantId", equalTo(tenantId))
                    .body("data.provisioning", equalTo(Map.of("masterdata", "ok", "cart", "ok", "report", "ok",
                            "journal", "ok", "stock", "failed")));
            // The tenant exists here meanwhile, so nothing is half made in silence.
            asUser(tenantId).get("/api/v1/tenants/{t}", tenantId).then().statusCode(200)
                    .body("data.tenantId", equalTo(tenantId));
        } finally {
            Doubles.start("stock");
        }

        asUser(tenantId).body(body).post("/api/v1/tenants")
                .then().statusCode(201)
                .body("data.provisioning.stock", equalTo("ok"))
                .body("data.tenantName", equalTo("Test Tenant"));
        // Only the service that had failed was asked again.
        assertEquals(1, Doubles.calls("masterdata", "\"tenant_id\":\"" + tenantId + "\"").size());
        assertEquals(1, Doubles.calls("stock", "\"tenant_id\":\"" + tenantId + "\"").size());

        asUser(tenantId).body(body).post("/api/v1/tenants").then().statusCode(400)
                .body("userError.code", equalTo("407002"));
    }

    @Test
    void tenantRulesOnInput() {
        String tenantId = newTenantId();
        // Another tenant than the token's: 400.
        asUser(tenantId).body(Map.of("tenant_id", "Tother", "tenant_name", "x", "tags", List.of()))
                .post("/api/v1/tenants").then().statusCode(400).body("userError.code", equalTo("200003"));
        // Not a tenant id at all.
        asUser(tenantId).body(Map.of("tenant_id", "9-bad", "tenant_name", "x", "tags", List.of()))
                .post("/api/v1/tenants").then().statusCode(400).body("userError.code", equalTo("300003"));
        // Missing fields and no body: 422.
        asUser(tenantId).body(Map.of("tenant_id", tenantId)).post("/api/v1/tenants")
                .then().statusCode(422).body("userError.code", equalTo("300001"))
                .body("message", containsString("tenantName"));
        asUser(tenantId).post("/api/v1/tenants").then().statusCode(422).body("userError.code", equalTo("300001"));
        asUser(tenantId).body("{not json").post("/api/v1/tenants").then().statusCode(422);
        // No token: 401.
        given().contentType("application/json").body(Map.of("tenant_id", tenantId, "tenant_name", "x", "tags",
                List.of())).post("/api/v1/tenants").then().statusCode(401).body("userError.code", equalTo("200001"));
        // A tenant never created here.
        asUser(tenantId).get("/api/v1/tenants/{t}", tenantId).then().statusCode(404);
    }

    @Test
    void getUpdateAndDeleteTenant() {
        String tenantId = tenantWithStore("5678");
        asUser(tenantId).get("/api/v1/tenants/{t}", tenantId)
                .then().statusCode(200)
                .body("operation", equalTo("get_tenant"))
                .body("data.tenantName", equalTo("Test Tenant"))
                .body("data.stores", hasSize(1))
                .body("data.stores[0].storeCode", equalTo("5678"))
                .body("data.provisioning", nullValue());
        asUser(tenantId).get("/api/v1/tenants/{t}", "Tother").then().statusCode(400)
                .body("userError.code", equalTo("200003"));

        asUser(tenantId).body(Map.of("tenant_name", "Renamed", "tags", List.of("x", "y")))
                .put("/api/v1/tenants/{t}", tenantId)
                .then().statusCode(200)
                .body("data.tenantName", equalTo("Renamed"))
                .body("data.tags", contains("x", "y"))
                .body("data.lastUpdateDatetime", notNullValue());
        asUser(tenantId).body(Map.of("tags", List.of())).put("/api/v1/tenants/{t}", tenantId)
                .then().statusCode(422);

        asUser(tenantId).delete("/api/v1/tenants/{t}", tenantId)
                .then().statusCode(200)
                .body("data.tenantId", equalTo(tenantId))
                .body("operation", equalTo("delete_tenant"));
        asUser(tenantId).get("/api/v1/tenants/{t}", tenantId).then().statusCode(404)
                .body("userError.code", equalTo("407001"));
    }

    @Test
    void storesLiveInTheTenant() {
        String tenantId = tenantWithStore("5678");
        asUser(tenantId).body(Map.of("storeCode", "1000", "storeName", "Second", "businessDate", "20250601"))
                .post("/api/v1/tenants/{t}/stores", tenantId)
                .then().statusCode(201)
                .body("operation", equalTo("add_store"))
                .body("data.tenantId", equalTo(tenantId))
                .body("data.stores.storeCode", contains("1000", "5678"))
                .body("data.stores[0].storeName", equalTo("Second"))
                .body("data.stores[0].status", equalTo("Idle"))
                .body("data.stores[0].businessDate", equalTo("20250601"))
                .body("data.stores[0].tags", empty())
                .body("data.stores[0].entryDatetime", notNullValue());
        asUser(tenantId).body(Map.of("store_code", "2000", "store_name", "Third"))
                .post("/api/v1/tenants/{t}/stores", tenantId).then().statusCode(201);
        asUser(tenantId).body(Map.of("store_code", "5678", "store_name", "Dup"))
                .post("/api/v1/tenants/{t}/stores", tenantId)
                .then().statusCode(400).body("userError.code", equalTo("407102"));
        asUser(tenantId).body(Map.of("store_code", "a/b", "store_name", "Bad"))
                .post("/api/v1/tenants/{t}/stores", tenantId)
                .then().statusCode(422).body("userError.code", equalTo("300001"));

        asUser(tenantId).queryParam("limit", 2).queryParam("page", 2).queryParam("sort", "store_code:-1")
                .get("/api/v1/tenants/{t}/stores", tenantId)
                .then().statusCode(200)
                .body("data.storeCode", contains("1000"))
                .body("metadata.total", equalTo(3))
                .body("metadata.page", equalTo(2))
                .body("metadata.limit", equalTo(2))
                .body("metadata.sort", equalTo("store_code:-1"));
        asUser(tenantId).queryParam("sort", "price:1").get("/api/v1/tenants/{t}/stores", tenantId)
                .then().statusCode(400).body("userError.code", equalTo("300002"));

        asUser(tenantId).get("/api/v1/tenants/{t}/stores/{s}", tenantId, "5678")
                .then().statusCode(200).body("data.storeName", equalTo("テスト店舗"))
                .body("data.tags", contains("Test"));
        asUser(tenantId).get("/api/v1/tenants/{t}/stores/{s}", tenantId, "9999")
                .then().statusCode(404).body("userError.code", equalTo("407101"));

        asUser(tenantId).body(Map.of("store_name", "Renamed", "status", "Opened", "business_date", "20250602"))
                .put("/api/v1/tenants/{t}/stores/{s}", tenantId, "2000")
                .then().statusCode(200)
                .body("data.storeName", equalTo("Renamed"))
                .body("data.status", equalTo("Opened"))
                .body("data.businessDate", equalTo("20250602"))
                .body("data.lastUpdateDatetime", notNullValue());

        asUser(tenantId).delete("/api/v1/tenants/{t}/stores/{s}", tenantId, "2000")
                .then().statusCode(200).body("data.storeCode", equalTo("2000"));
        asUser(tenantId).delete("/api/v1/tenants/{t}/stores/{s}", tenantId, "2000")
                .then().statusCode(404).body("userError.code", equalTo("407101"));

        // A terminal reads the stores with its API key, but may not change them.
        String apiKey = (String) createTerminal(tenantId, "5678", 1).get("apiKey");
        String terminalId = tenantId + "-5678-1";
        withKey(apiKey).queryParam("terminal_id", terminalId).get("/api/v1/tenants/{t}/stores", tenantId)
                .then().statusCode(200).body("metadata.total", equalTo(2));
        withKey(apiKey).queryParam("terminal_id", terminalId).body(Map.of("store_code", "3000", "store_name", "x"))
                .post("/api/v1/tenants/{t}/stores", tenantId)
                .then().statusCode(403).body("userError.code", equalTo("200002"));
    }
}
