package dev.kassa.masterdata;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ItemResourceTest extends MasterDataTest {

    static Map<String, Object> item(String code, String description, Object price) {
        Map<String, Object> m = new HashMap<>();
        m.put("itemCode", code);
        m.put("description", description);
        m.put("unitPrice", price);
        m.put("unitCost", 50);
        m.put("itemDetails", List.of("detail"));
        m.put("imageUrls", List.of("http://img/1.png"));
        m.put("categoryCode", "001");
        m.put("taxCode", "01");
        return m;
    }

    @Test
    void commonItemCrudWithLogicalDelete() {
        String t = provisioned();
        String user = userToken(t);
        String base = "/api/v1/tenants/" + t + "/items";
        // snake_case body, isDiscountRestricted defaults to false
        ok(as(user).body(Map.of("item_code", "49-01", "description", "Item1", "unit_price", 120, "unit_cost", 50,
                "item_details", List.of("d1", "d2"), "image_urls", List.of(), "category_code", "001",
                "tax_code", "01")).post(base).then(), 201, "create_item_master_async")
                .body("data.itemCode", equalTo("49-01"))
                .body("data.unitPrice", equalTo(120))
                .body("data.itemDetails", equalTo(List.of("d1", "d2")))
                .body("data.imageUrls", equalTo(List.of()))
                .body("data.isDiscountRestricted", equalTo(false))
                .body("data.isDeleted", equalTo(false))
                .body("data.lastUpdateDatetime", nullValue());

        Map<String, Object> update = item("ignored", "Item One", 99.5);
        update.remove("itemCode");
        update.put("isDiscountRestricted", true);
        ok(as(user).body(update).put(base + "/49-01").then(), 200, "update_item_master_async")
                .body("data.description", equalTo("Item One"))
                .body("data.unitPrice", equalTo(99.5f))
                .body("data.isDiscountRestricted", equalTo(true))
                .body("data.imageUrls", equalTo(List.of("http://img/1.png")))
                .body("data.lastUpdateDatetime", notNullValue());
        ok(as(user).get(base + "/49-01").then(), 200, "get_item_master_async")
                .body("data.unitPrice", equalTo(99.5f))
                .body("data.itemDetails", equalTo(List.of("detail")));

        // Logical delete: gone from normal reads, visible with is_logical_deleted=true.
        ok(as(user).queryParam("is_logical", true).delete(base + "/49-01").then(), 200, "delete_item_master_async")
                .body("data.itemCode", equalTo("49-01"))
                .body("data.isLogical", equalTo(true));
        error(as(user).get(base + "/49-01").then(), 404, "405101").body("message", equalTo("Item 49-01 not found"));
        ok(as(user).queryParam("is_logical_deleted", true).get(base + "/49-01").then(), 200, "get_item_master_async")
                .body("data.isDeleted", equalTo(true))
                .body("data.description", equalTo("Item One"));
        ok(as(user).get(base).then(), 200, "get_item_master_all_async")
                .body("data", equalTo(List.of()))
                .body("metadata.total", equalTo(0))
                .body("metadata.filter.is_deleted", equalTo(false));
        ok(as(user).queryParam("is_logical_deleted", true).get(base).then(), 200, "get_item_master_all_async")
                .body("data.itemCode", equalTo(List.of("49-01")))
                .body("metadata.filter.is_deleted", equalTo(true));
        error(as(user).body(update).put(base + "/49-01").then(), 404, "405101");
        error(as(user).queryParam("is_logical", true).delete(base + "/49-01").then(), 404, "405101");
        error(as(user).body(item("49-01", "again", 1)).post(base).then(), 400, "500005");

        // Physical delete removes it whatever its flag.
        ok(as(user).delete(base + "/49-01").then(), 200, "delete_item_master_async")
                .body("data.isLogical", equalTo(false));
        error(as(user).queryParam("is_logical_deleted", true).get(base + "/49-01").then(), 404, "405101");
        error(as(user).delete(base + "/49-01").then(), 404, "405101");
        ok(as(user).body(item("49-01", "back", 10)).post(base).then(), 201, "create_item_master_async");
    }

    @Test
    void commonItemErrorsAndPaging() {
        String t = provisioned();
        String user = userToken(t);
        String base = "/api/v1/tenants/" + t + "/items";
        as(user).body(item("A", "Apple", 300)).post(base).then().statusCode(201);
        as(user).body(item("B", "Banana", 100)).post(base).then().statusCode(201);
        as(user).body(item("C", "Cherry", 200)).post(base).then().statusCode(201);
        error(as(user).body(item("A", "Apple", 1)).post(base).then(), 400, "500005")
                .body("message", equalTo("Item A already exists"));
        error(as(user).body(item("D", "Date", -5)).post(base).then(), 422, "300001")
                .body("message", containsString("unitPrice"));
        Map<String, Object> noCode = item("x", "x", 1);
        noCode.remove("itemCode");
        error(as(user).body(noCode).post(base).then(), 422, "300001").body("message", containsString("itemCode"));
        error(as(user).body("{\"itemCode\": \"E\", \"unitPrice\": \"cheap\"}").post(base).then(), 422, "300001");
        error(as(user).get(base + "/ZZZ").then(), 404, "405101");

        ok(as(user).queryParam("sort", "unit_price:-1").get(base).then(), 200, "get_item_master_all_async")
                .body("data.itemCode", equalTo(List.of("A", "C", "B")));
        ok(as(user).queryParam("sort", "unitPrice:1").queryParam("limit", 2).queryParam("page", 2).get(base).then(),
                200, "get_item_master_all_async")
                .body("data.itemCode", equalTo(List.of("A")))
                .body("metadata.total", equalTo(3))
                .body("metadata.page", equalTo(2))
                .body("metadata.limit", equalTo(2))
                .body("metadata.sort", equalTo("unit_price:1"));
        error(as(user).queryParam("sort", "is_deleted:1").get(base).then(), 400, "300002");
    }

    @Test
    void storePricesAndTheMergedDetail() {
        String t = provisioned();
        String user = userToken(t);
        String items = "/api/v1/tenants/" + t + "/items";
        String store = "/api/v1/tenants/" + t + "/stores/5678/items";
        as(user).body(item("49-01", "Item1", 120)).post(items).then().statusCode(201);
        as(user).body(item("49-02", "Item2", 80)).post(items).then().statusCode(201);

        error(as(user).body(Map.of("itemCode", "NOPE", "storePrice", 1)).post(store).then(), 404, "405101");
        ok(as(user).body(Map.of("item_code", "49-01", "store_price", 100)).post(store).then(), 201,
                "create_item_master_async")
                .body("data.keySet()", containsInAnyOrder("itemCode", "storePrice", "entryDatetime",
                        "lastUpdateDatetime"))
                .body("data.itemCode", equalTo("49-01"))
                .body("data.storePrice", equalTo(100));
        error(as(user).body(Map.of("itemCode", "49-01", "storePrice", 90)).post(store).then(), 400, "500005");
        error(as(user).body(Map.of("itemCode", "49-02")).post(store).then(), 422, "300001");
        ok(as(user).get(store + "/49-01").then(), 200, "get_item_store_master_async")
                .body("data.storePrice", equalTo(100));
        error(as(user).get(store + "/49-02").then(), 404, "405201");

        ok(as(user).get(store + "/49-01/details").then(), 200, "get_item_store_master_detail_async")
                .body("data.keySet()", containsInAnyOrder("itemCode", "description", "unitPrice", "unitCost",
                        "storePrice", "itemDetails", "imageUrls", "categoryCode", "taxCode", "isDiscountRestricted",
                        "isDeleted", "entryDatetime", "lastUpdateDatetime"))
                .body("data.description", equalTo("Item1"))
                .body("data.unitPrice", equalTo(120))
                .body("data.storePrice", equalTo(100))
                .body("data.imageUrls", equalTo(List.of("http://img/1.png")));
        ok(as(user).get(store + "/49-02/details").then(), 200, "get_item_store_master_detail_async")
                .body("data.unitPrice", equalTo(80))
                .body("data.storePrice", nullValue());
        ok(as(user).get("/api/v1/tenants/" + t + "/stores/9999/items/49-01/details").then(), 200,
                "get_item_store_master_detail_async")
                .body("data.storePrice", nullValue());
        error(as(user).get(store + "/NOPE/details").then(), 404, "405101");

        ok(as(user).body(Map.of("storePrice", 95)).put(store + "/49-01").then(), 200, "update_item_store_master_async")
                .body("data.storePrice", equalTo(95))
                .body("data.lastUpdateDatetime", notNullValue());
        ok(as(user).get(store + "/49-01/details").then(), 200, "get_item_store_master_detail_async")
                .body("data.storePrice", equalTo(95));
        error(as(user).body(Map.of("storePrice", 95)).put(store + "/49-02").then(), 404, "405201");

        as(user).body(Map.of("itemCode", "49-02", "storePrice", 70)).post(store).then().statusCode(201);
        ok(as(user).queryParam("sort", "store_price:1").get(store).then(), 200, "get_item_store_master_all_async")
                .body("data.itemCode", equalTo(List.of("49-02", "49-01")))
                .body("metadata.total", equalTo(2))
                .body("metadata.filter.store_code", equalTo("5678"));
        ok(as(user).get("/api/v1/tenants/" + t + "/stores/9999/items").then(), 200, "get_item_store_master_all_async")
                .body("metadata.total", equalTo(0));
        error(as(user).queryParam("sort", "description:1").get(store).then(), 400, "300002");

        // A logically deleted item has no detail; deleting a store price leaves the common item alone.
        as(user).queryParam("is_logical", true).delete(items + "/49-02").then().statusCode(200);
        error(as(user).get(store + "/49-02/details").then(), 404, "405101");
        ok(as(user).delete(store + "/49-01").then(), 200, "delete_item_store_master_async")
                .body("data.itemCode", equalTo("49-01"));
        error(as(user).get(store + "/49-01").then(), 404, "405201");
        error(as(user).delete(store + "/49-01").then(), 404, "405201");
        ok(as(user).get(store + "/49-01/details").then(), 200, "get_item_store_master_detail_async")
                .body("data.storePrice", nullValue())
                .body("data.unitPrice", equalTo(120));
    }
}
