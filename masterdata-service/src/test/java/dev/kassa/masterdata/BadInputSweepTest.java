package dev.kassa.masterdata;

import dev.kassa.common.test.BadInputSweep;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** The generated bad-input sweep of the master-data API: every refused body is a 4xx envelope and changes nothing. */
@QuarkusTest
class BadInputSweepTest extends MasterDataTest {

    @Test
    void badBodiesAreRefusedAndChangeNothing() {
        String t = provisioned();
        String user = userToken(t);
        String base = "/api/v1/tenants/" + t;
        as(user).body(Map.of("category_code", "001", "description", "Drinks", "description_short", "Drk",
                "tax_code", "01")).post(base + "/categories").then().statusCode(201);
        as(user).body(Map.of("item_code", "49-01", "description", "Item1", "unit_price", 120, "unit_cost", 50,
                "item_details", List.of("d1"), "image_urls", List.of(), "category_code", "001", "tax_code", "01"))
                .post(base + "/items").then().statusCode(201);
        as(user).body(Map.of("item_code", "49-01", "store_price", 100)).post(base + "/stores/5678/items")
                .then().statusCode(201);
        as(user).body(Map.of("id", "S001", "name", "Staff1", "pin", "1234", "roles", List.of()))
                .post(base + "/staff").then().statusCode(201);
        as(user).body(Map.of("payment_code", "11", "description", "Card", "limit_amount", 50000, "can_refund", true,
                "can_deposit_over", false, "can_change", false, "is_active", true)).post(base + "/payments")
                .then().statusCode(201);
        as(user).body(Map.of("promotion_code", "P001", "promotion_type", "category_discount", "name", "Spring",
                "start_datetime", "2025-03-01T00:00:00", "end_datetime", "2025-03-31T23:59:59+09:00",
                "detail", Map.of("target_category_codes", List.of("001"), "discount_rate", 10)))
                .post(base + "/promotions").then().statusCode(201);
        as(user).body(Map.of("name", "SWEEP_SETTING", "default_value", "1", "values", List.of()))
                .post(base + "/settings").then().statusCode(201);
        Map<String, Object> button = Map.of("posX", 1, "posY", 1, "size", "Single", "imageUrl", "",
                "colorText", "#000", "itemCode", "49-01");
        Map<String, Object> tab = Map.of("tabNumber", 1, "title", "Tab", "color", "blue", "buttons", List.of(button));
        String bookId = as(user).body(Map.of("title", "Main", "categories", List.of(Map.of("categoryNumber", 1,
                        "title", "Cat", "color", "red", "tabs", List.of(tab)))))
                .post(base + "/item_books").then().statusCode(201).extract().path("data.itemBookId");

        BadInputSweep.of("masterdata", URI.create("http://localhost:" + RestAssured.port))
                .header("Authorization", "Bearer " + user)
                .pathValue("tenant_id", t)
                .pathValue("store_code", "5678")
                .pathValue("item_code", "49-01")
                .pathValue("promotion_code", "P001")
                .pathValue("staff_id", "S001")
                .pathValue("item_book_id", bookId)
                .pathValue("category_number", "1")
                .pathValue("tab_number", "1")
                .pathValue("pos_x", "1")
                .pathValue("pos_y", "1")
                .pathValue("category_code", "001")
                .pathValue("payment_code", "11")
                .pathValue("name", "SWEEP_SETTING")
                .sample("POST /api/v1/tenants", "{\"tenant_id\":\"" + t + "\"}")
                .sample("POST /api/v1/tenants/{tenant_id}/items", "{\"item_code\":\"SW-1\",\"description\":\"Sweep\","
                        + "\"unit_price\":100,\"unit_cost\":50,\"category_code\":\"001\",\"tax_code\":\"01\","
                        + "\"item_details\":[\"d\"],\"image_urls\":[\"http://img/1.png\"]}")
                .sample("POST /api/v1/tenants/{tenant_id}/stores/{store_code}/items",
                        "{\"item_code\":\"49-01\",\"store_price\":90}")
                .sample("POST /api/v1/tenants/{tenant_id}/staff",
                        "{\"id\":\"SW1\",\"name\":\"Sweep\",\"pin\":\"1234\",\"roles\":[\"staff\"]}")
                .sample("POST /api/v1/tenants/{tenant_id}/categories",
                        "{\"category_code\":\"SW1\",\"description\":\"Sweep\",\"description_short\":\"Sw\","
                                + "\"tax_code\":\"01\"}")
                .sample("POST /api/v1/tenants/{tenant_id}/payments", "{\"payment_code\":\"SW\",\"description\":"
                        + "\"Sweep\",\"limit_amount\":100,\"can_refund\":true,\"can_deposit_over\":false,"
                        + "\"can_change\":false,\"is_active\":true}")
                .sample("POST /api/v1/tenants/{tenant_id}/promotions", "{\"promotion_code\":\"SW1\","
                        + "\"promotion_type\":\"category_discount\",\"name\":\"Sweep\","
                        + "\"start_datetime\":\"2025-03-01T00:00:00\",\"end_datetime\":\"2025-03-31T23:59:59+09:00\","
                        + "\"detail\":{\"target_category_codes\":[\"001\"],\"discount_rate\":10}}")
                .sample("POST /api/v1/tenants/{tenant_id}/item_books", "{\"title\":\"Sweep\",\"categories\":"
                        + "[{\"categoryNumber\":2,\"title\":\"Cat\",\"color\":\"red\",\"tabs\":[{\"tabNumber\":1,"
                        + "\"title\":\"Tab\",\"color\":\"blue\",\"buttons\":[{\"posX\":1,\"posY\":1,\"size\":\"Single\","
                        + "\"imageUrl\":\"\",\"colorText\":\"#000\",\"itemCode\":\"49-01\"}]}]}]}")
                .snapshotFor("/api/v1/tenants/{tenant_id}/items", base + "/items?limit=100", base + "/items/49-01")
                .snapshotFor("/api/v1/tenants/{tenant_id}/stores", base + "/stores/5678/items?limit=100")
                .snapshotFor("/api/v1/tenants/{tenant_id}/staff", base + "/staff?limit=100")
                .snapshotFor("/api/v1/tenants/{tenant_id}/categories", base + "/categories?limit=100")
                .snapshotFor("/api/v1/tenants/{tenant_id}/payments", base + "/payments?limit=100")
                .snapshotFor("/api/v1/tenants/{tenant_id}/promotions", base + "/promotions?limit=100")
                .snapshotFor("/api/v1/tenants/{tenant_id}/settings", base + "/settings?limit=100")
                .snapshotFor("/api/v1/tenants/{tenant_id}/taxes", base + "/taxes")
                .snapshotFor("/api/v1/tenants/{tenant_id}/item_books", base + "/item_books?limit=100",
                        base + "/item_books/" + bookId)
                .run()
                .assertClean();
    }
}
