package dev.kassa.terminal;

import dev.kassa.common.test.KassaInfra;
import dev.kassa.common.test.RoleTable;
import dev.kassa.common.test.TestTokens;
import dev.kassa.terminal.support.Doubles;
import dev.kassa.terminal.support.TerminalTestBase;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** Who may do what in the terminal service: the role table over every operation, and the writes that were open. */
@QuarkusTest
@WithTestResource(value = KassaInfra.class, initArgs = @ResourceArg(name = "db", value = "terminal"),
        scope = TestResourceScope.GLOBAL)
@WithTestResource(value = Doubles.class, scope = TestResourceScope.GLOBAL)
class RolesTest extends TerminalTestBase {

    @Test
    void everyOperationAnswersEachRoleAsTheTableSays() {
        RoleTable.of("terminal", URI.create("http://localhost:" + RestAssured.port), RoleTable.unusedTenant()).check();
    }

    @Test
    void onlyOwnersAndManagersCreateTerminalsAndRotateKeys() {
        String tenant = tenantWithStore("S1");
        String terminalId = tenant + "-S1-1";
        String apiKey = (String) createTerminal(tenant, "S1", 1).get("apiKey");
        Map<String, Object> second = Map.of("store_code", "S1", "terminal_no", 2, "description", "Till 2");

        for (String role : List.of("cashier", "viewer")) {
            String token = TestTokens.withRoles(tenant, role, role);
            asBearer(token).body(second).post("/api/v1/terminals").then().statusCode(403)
                    .body("success", equalTo(false)).body("code", equalTo(403))
                    .body("userError.code", equalTo("200002")).body("data", equalTo(null));
            asBearer(token).post("/api/v1/terminals/{id}/api-key", terminalId).then().statusCode(403)
                    .body("userError.code", equalTo("200002"));
        }
        asUser(tenant).get("/api/v1/terminals/{id}", tenant + "-S1-2").then().statusCode(404);
        withKey(apiKey).get("/api/v1/terminals/{id}", terminalId).then().statusCode(200);

        String manager = TestTokens.withRoles(tenant, "lead", "manager");
        asBearer(manager).body(second).post("/api/v1/terminals").then().statusCode(201);
        String rotated = asBearer(manager).post("/api/v1/terminals/{id}/api-key", terminalId).then().statusCode(200)
                .body("data.apiKey", not(equalTo(apiKey))).extract().path("data.apiKey");
        withKey(apiKey).get("/api/v1/terminals/{id}", terminalId).then().statusCode(401);
        withKey(rotated).get("/api/v1/terminals/{id}", terminalId).then().statusCode(200);
    }
}
