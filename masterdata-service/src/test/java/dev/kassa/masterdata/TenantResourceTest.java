package dev.kassa.masterdata;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class TenantResourceTest extends MasterDataTest {

    @Test
    void provisioningIsIdempotentForUsersAndServices() {
        String t = newTenant();
        // Before provisioning, the tenant has no master data.
        error(as(userToken(t)).get("/api/v1/tenants/" + t + "/items").then(), 404, "100001");
        ok(as(userToken(t)).body(Map.of("tenantId", t)).post("/api/v1/tenants").then(), 201, "create_tenant")
                .body("data", equalTo(Map.of("tenantId", t)))
                .body("message", equalTo("Tenant " + t + " created"));
        ok(as(userToken(t)).body(Map.of("tenant_id", t)).post("/api/v1/tenants").then(), 201, "create_tenant")
                .body("data.tenantId", equalTo(t))
                .body("message", equalTo("Tenant " + t + " already set up"));
        ok(as(serviceToken(t)).body(Map.of("tenant_id", t)).post("/api/v1/tenants").then(), 201, "create_tenant");
        ok(as(userToken(t)).get("/api/v1/tenants/" + t + "/items").then(), 200, "get_item_master_all_async")
                .body("metadata.total", equalTo(0));

        String other = newTenant();
        ok(as(serviceToken(other)).body(Map.of("tenantId", other)).post("/api/v1/tenants").then(), 201,
                "create_tenant").body("data.tenantId", equalTo(other));
    }

    @Test
    void provisioningRefusals() {
        String t = newTenant();
        error(as(terminalToken(t, "5678", 9)).body(Map.of("tenantId", t)).post("/api/v1/tenants").then(), 403,
                "200002");
        error(as(userToken(newTenant())).body(Map.of("tenantId", t)).post("/api/v1/tenants").then(), 400, "200003");
        error(given().contentType("application/json").body(Map.of("tenantId", t)).post("/api/v1/tenants").then(),
                401, "200001");
        error(as(userToken("bad-id")).body(Map.of("tenantId", "bad-id")).post("/api/v1/tenants").then(), 400,
                "300003");
        error(as(userToken(t)).body(Map.of()).post("/api/v1/tenants").then(), 422, "300001");
        // None of them set the tenant up.
        error(as(userToken(t)).get("/api/v1/tenants/" + t + "/staff").then(), 404, "100001");
    }
}
