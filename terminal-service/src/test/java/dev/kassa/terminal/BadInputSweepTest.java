package dev.kassa.terminal;

import dev.kassa.common.test.BadInputSweep;
import dev.kassa.common.test.KassaInfra;
import dev.kassa.terminal.support.Doubles;
import dev.kassa.terminal.support.TerminalTestBase;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

/** The generated bad-input sweep of the terminal API: every refused body is a 4xx envelope and changes nothing. */
@QuarkusTest
@WithTestResource(value = KassaInfra.class, initArgs = @ResourceArg(name = "db", value = "terminal"),
        scope = TestResourceScope.GLOBAL)
@WithTestResource(value = Doubles.class, scope = TestResourceScope.GLOBAL)
class BadInputSweepTest extends TerminalTestBase {

    @Test
    void badBodiesAreRefusedAndChangeNothing() {
        String tenantId = tenantWithStore("5678");
        String terminalId = tenantId + "-5678-1";
        String apiKey = (String) createTerminal(tenantId, "5678", 1).get("apiKey");
        Doubles.staff(tenantId, "S001", "Staff1");
        withKey(apiKey).body(Map.of("staff_id", "S001")).post("/api/v1/terminals/{id}/sign-in", terminalId)
                .then().statusCode(200);
        withKey(apiKey).body(Map.of("initial_amount", 500000)).post("/api/v1/terminals/{id}/open", terminalId)
                .then().statusCode(200);
        String freshTenant = newTenantId();
        String freshToken = userToken(freshTenant);
        Map<String, String> terminalKey = Map.of("X-API-KEY", apiKey);

        BadInputSweep.of("terminal", URI.create("http://localhost:" + RestAssured.port))
                .header("Authorization", "Bearer " + userToken(tenantId))
                .pathValue("tenantId", tenantId)
                .pathValue("storeCode", "5678")
                .pathValue("terminalId", terminalId)
                .pathValue("terminal_id", terminalId)
                .headers("POST /api/v1/tenants", Map.of("Authorization", "Bearer " + freshToken))
                .sample("POST /api/v1/tenants", "{\"tenant_id\":\"" + freshTenant
                        + "\",\"tenant_name\":\"Sweep\",\"tags\":[\"Test\"]}")
                .sample("POST /api/v1/tenants/{tenantId}/stores",
                        "{\"store_code\":\"6000\",\"store_name\":\"Sweep\",\"tags\":[\"Test\"]}")
                .sample("POST /api/v1/terminals",
                        "{\"store_code\":\"5678\",\"terminal_no\":2,\"description\":\"Sweep\"}")
                .sample("POST /api/v1/terminals/{terminalId}/sign-in", "{\"staff_id\":\"S001\"}")
                .sample("PATCH /api/v1/terminals/{terminalId}/function_mode", "{\"function_mode\":\"Sales\"}")
                .headers("POST /api/v1/terminals/{terminalId}/sign-in", terminalKey)
                .headers("POST /api/v1/terminals/{terminalId}/open", terminalKey)
                .headers("POST /api/v1/terminals/{terminalId}/close", terminalKey)
                .headers("POST /api/v1/terminals/{terminalId}/cash-in", terminalKey)
                .headers("POST /api/v1/terminals/{terminalId}/cash-out", terminalKey)
                .snapshotFor("/api/v1/tenants", "/api/v1/tenants/" + tenantId,
                        "/api/v1/tenants/" + tenantId + "/stores")
                .snapshotFor("/api/v1/terminals", "/api/v1/terminals?limit=100",
                        "/api/v1/terminals/" + terminalId,
                        "/api/v1/terminals/" + terminalId + "/delivery-status")
                .snapshot("GET /api/v1/tenants/" + freshTenant, () -> String.valueOf(asBearer(freshToken)
                        .get("/api/v1/tenants/{t}", freshTenant).statusCode()))
                .run()
                .assertClean();
    }
}
