package dev.kassa.masterdata;

import dev.kassa.common.test.RoleTable;
import dev.kassa.common.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;

/** Who may do what in master data: the role table over every operation, and the store price that was open. */
@QuarkusTest
class RolesTest extends MasterDataTest {

    @Test
    void everyOperationAnswersEachRoleAsTheTableSays() {
        RoleTable.of("masterdata", URI.create("http://localhost:" + RestAssured.port), RoleTable.unusedTenant())
                .check();
    }

    @Test
    void onlyOwnersAndManagersChangeAStorePrice() {
        String t = provisioned();
        String owner = userToken(t);
        as(owner).body(ItemResourceTest.item("49-01", "Item1", 120)).post("/api/v1/tenants/" + t + "/items")
                .then().statusCode(201);
        String price = "/api/v1/tenants/" + t + "/stores/5678/items";
        as(owner).body(Map.of("item_code", "49-01", "store_price", 100)).post(price).then().statusCode(201);

        for (String role : List.of("cashier", "viewer")) {
            String token = TestTokens.withRoles(t, role, role);
            error(as(token).body(Map.of("store_price", 1)).put(price + "/49-01").then(), 403, "200002");
            error(as(token).body(Map.of("item_code", "49-02", "store_price", 1)).post(price).then(), 403, "200002");
        }
        // A cashier still reads the price the till needs; the refused writes changed nothing.
        as(TestTokens.withRoles(t, "cashier", "cashier")).get(price + "/49-01").then().statusCode(200)
                .body("data.storePrice", equalTo(100));

        ok(as(TestTokens.withRoles(t, "lead", "manager")).body(Map.of("store_price", 90)).put(price + "/49-01").then(),
                200, "update_item_store_master_async").body("data.storePrice", equalTo(90));
    }
}
