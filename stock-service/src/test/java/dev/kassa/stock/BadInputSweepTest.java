package dev.kassa.stock;

import dev.kassa.common.test.BadInputSweep;
import dev.kassa.common.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** The generated bad-input sweep of the stock API: every refused body is a 4xx envelope and changes nothing. */
@QuarkusTest
class BadInputSweepTest extends StockTestBase {

    @Test
    void badBodiesAreRefusedAndChangeNothing() {
        String tenant = newTenant();
        String store = "S1";
        adjust(tenant, store, "49-01", 10);
        // A stored schedule: the default one is made up on every read, with the time of the read.
        given().contentType(ContentType.JSON).auth().oauth2(TestTokens.user(tenant, "admin", true))
                .body(Map.of("schedule_interval", "daily", "schedule_hour", 2)).put("/api/v1/tenants/" + tenant + "/stock/snapshot-schedule").then().statusCode(200);
        String fresh = "S" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String stock = stock(tenant, store);

        BadInputSweep.of("stock", URI.create("http://localhost:" + RestAssured.port))
                .header("Authorization", "Bearer " + TestTokens.user(tenant, "admin", true))
                .pathValue("tenantId", tenant)
                .pathValue("storeCode", store)
                .pathValue("itemCode", "49-01")
                .headers("POST /api/v1/tenants",
                        Map.of("Authorization", "Bearer " + TestTokens.user(fresh, "admin", true)))
                .sample("POST /api/v1/tenants", "{\"tenant_id\":\"" + fresh + "\"}")
                .sample("PUT /api/v1/tenants/{tenantId}/stores/{storeCode}/stock/{itemCode}/update",
                        "{\"quantityChange\":1,\"updateType\":\"adjustment\",\"referenceId\":\"R1\","
                                + "\"operatorId\":\"O1\",\"note\":\"sweep\"}")
                .sample("PUT /api/v1/tenants/{tenantId}/stores/{storeCode}/stock/{itemCode}/minimum",
                        "{\"minimumQuantity\":3}")
                .sample("PUT /api/v1/tenants/{tenantId}/stores/{storeCode}/stock/{itemCode}/reorder",
                        "{\"reorderPoint\":10,\"reorderQuantity\":40}")
                .sample("POST /api/v1/tenants/{tenantId}/stores/{storeCode}/stock/snapshot",
                        "{\"createdBy\":\"sweep\"}")
                .sample("PUT /api/v1/tenants/{tenantId}/stock/snapshot-schedule", "{\"enabled\":true,"
                        + "\"schedule_interval\":\"weekly\",\"schedule_hour\":23,\"schedule_minute\":15,"
                        + "\"schedule_day_of_week\":6,\"schedule_day_of_month\":1,\"retention_days\":30,"
                        + "\"target_stores\":[\"S1\"]}")
                .snapshot(stock + "?limit=100", stock + "/49-01", stock + "/49-01/history?limit=100",
                        stock + "/snapshots?limit=100", "/api/v1/tenants/" + tenant + "/stock/snapshot-schedule")
                .snapshot("GET /api/v1/tenants/" + fresh + "/stores/S1/stock", () -> String.valueOf(
                        as(fresh).get(stock(fresh, store)).statusCode()))
                .run()
                .assertClean();
    }
}
