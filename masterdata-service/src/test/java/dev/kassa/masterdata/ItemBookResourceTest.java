package dev.kassa.masterdata;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ItemBookResourceTest extends MasterDataTest {

    static Map<String, Object> button(int x, int y, String item) {
        return Map.of("posX", x, "posY", y, "size", "Single", "imageUrl", "", "colorText", "#000", "itemCode", item);
    }

    static Map<String, Object> tab(int n, List<?> buttons) {
        return Map.of("tabNumber", n, "title", "Tab " + n, "color", "blue", "buttons", buttons);
    }

    static Map<String, Object> category(int n, List<?> tabs) {
        return Map.of("categoryNumber", n, "title", "Cat " + n, "color", "red", "tabs", tabs);
    }

    @Test
    void itemBookWithNestedLayout() {
        String t = provisioned();
        String user = userToken(t);
        as(user).body(ItemResourceTest.item("49-01", "Item1", 120)).post("/api/v1/tenants/" + t + "/items").then()
                .statusCode(201);
        as(user).body(ItemResourceTest.item("49-02", "Item2", 80)).post("/api/v1/tenants/" + t + "/items").then()
                .statusCode(201);
        as(user).body(Map.of("itemCode", "49-01", "storePrice", 100))
                .post("/api/v1/tenants/" + t + "/stores/5678/items").then().statusCode(201);
        String base = "/api/v1/tenants/" + t + "/item_books";
        String day = LocalDate.now(ZoneId.of("Asia/Tokyo")).format(DateTimeFormatter.BASIC_ISO_DATE);

        String id = ok(as(user).body(Map.of("title", "Main", "categories", List.of(category(1, List.of(
                        tab(1, List.of(button(0, 0, "49-01"), button(1, 0, "49-02"), button(2, 0, "GONE"))))))))
                .post(base).then(), 201, "create_item_book")
                .body("data.keySet()", containsInAnyOrder("itemBookId", "title", "categories", "entryDatetime",
                        "lastUpdateDatetime"))
                .body("data.itemBookId", equalTo(day + "-0001"))
                .body("data.categories[0].categoryNumber", equalTo(1))
                .body("data.categories[0].tabs[0].buttons.itemCode", equalTo(List.of("49-01", "49-02", "GONE")))
                .body("data.categories[0].tabs[0].buttons[0].unitPrice", nullValue())
                .extract().path("data.itemBookId");
        String second = ok(as(user).body(Map.of("title", "Second")).post(base).then(), 201, "create_item_book")
                .body("data.itemBookId", equalTo(day + "-0002"))
                .body("data.categories", equalTo(List.of()))
                .extract().path("data.itemBookId");

        // The detail read fills in names and prices: store price first, else the unit price.
        ok(as(terminalToken(t, "5678", 9)).queryParam("store_code", "5678").get(base + "/" + id + "/detail").then(),
                200, "get_item_book_detail_by_id")
                .body("data.categories[0].tabs[0].buttons.unitPrice", equalTo(java.util.Arrays.asList(100, 80, null)))
                .body("data.categories[0].tabs[0].buttons.description",
                        equalTo(List.of("Item1", "Item2", "not found")));
        ok(as(user).get(base + "/" + id + "/detail").then(), 200, "get_item_book_detail_by_id")
                .body("data.categories[0].tabs[0].buttons[0].unitPrice", equalTo(120));
        ok(as(user).get(base + "/" + id).then(), 200, "get_item_book_by_id")
                .body("data.categories[0].tabs[0].buttons[0].description", nullValue());

        // Categories
        ok(as(user).body(category(2, List.of())).post(base + "/" + id + "/categories").then(), 201,
                "add_category_to_item_book")
                .body("data.categories.categoryNumber", equalTo(List.of(1, 2)));
        error(as(user).body(category(2, List.of())).post(base + "/" + id + "/categories").then(), 400, "500005");
        ok(as(user).body(Map.of("categoryNumber", 3, "title", "Drinks", "color", "green"))
                .put(base + "/" + id + "/categories/2").then(), 200, "update_category_in_item_book")
                .body("data.categories.categoryNumber", equalTo(List.of(1, 3)))
                .body("data.categories[1].title", equalTo("Drinks"))
                .body("data.lastUpdateDatetime", notNullValue());
        error(as(user).body(Map.of("categoryNumber", 1, "title", "x", "color", "x"))
                .put(base + "/" + id + "/categories/3").then(), 422, "300001");
        error(as(user).body(Map.of("categoryNumber", 9, "title", "x", "color", "x"))
                .put(base + "/" + id + "/categories/8").then(), 404, "405002");

        // Tabs
        ok(as(user).body(tab(2, List.of())).post(base + "/" + id + "/categories/1/tabs").then(), 201,
                "add_tab_to_category_in_item_book")
                .body("data.categories[0].tabs.tabNumber", equalTo(List.of(1, 2)));
        error(as(user).body(tab(2, List.of())).post(base + "/" + id + "/categories/1/tabs").then(), 400, "500005");
        error(as(user).body(tab(1, List.of())).post(base + "/" + id + "/categories/7/tabs").then(), 404, "405002");
        // An update without buttons keeps the buttons.
        ok(as(user).body(Map.of("tabNumber", 1, "title", "Food", "color", "orange"))
                .put(base + "/" + id + "/categories/1/tabs/1").then(), 200, "update_tab_in_category_in_item_book")
                .body("data.categories[0].tabs[0].title", equalTo("Food"))
                .body("data.categories[0].tabs[0].buttons.size()", equalTo(3));
        ok(as(user).delete(base + "/" + id + "/categories/1/tabs/2").then(), 200,
                "delete_tab_from_category_in_item_book")
                .body("data", equalTo(Map.of("itemBookId", id, "categoryNumber", 1, "tabNumber", 2)));
        error(as(user).delete(base + "/" + id + "/categories/1/tabs/2").then(), 404, "405002");

        // Buttons
        String buttons = base + "/" + id + "/categories/1/tabs/1/buttons";
        ok(as(user).body(button(0, 1, "49-02")).post(buttons).then(), 201,
                "add_button_to_tab_in_category_in_item_book")
                .body("data.categories[0].tabs[0].buttons.size()", equalTo(4));
        error(as(user).body(button(0, 1, "49-01")).post(buttons).then(), 400, "500005");
        ok(as(user).body(Map.of("posX", 3, "posY", 3, "size", "Quad", "imageUrl", "x.png", "colorText", "#fff",
                "itemCode", "49-01")).put(buttons + "/pos_x/0/pos_y/1").then(), 200,
                "update_button_in_tab_in_category_in_item_book")
                .body("data.categories[0].tabs[0].buttons[3].size", equalTo("Quad"))
                .body("data.categories[0].tabs[0].buttons[3].posX", equalTo(3));
        error(as(user).body(button(0, 0, "49-01")).put(buttons + "/pos_x/3/pos_y/3").then(), 422, "300001");
        error(as(user).body(button(5, 5, "49-01")).put(buttons + "/pos_x/8/pos_y/8").then(), 404, "405002");
        ok(as(user).delete(buttons + "/pos_x/3/pos_y/3").then(), 200,
                "delete_button_from_tab_in_category_in_item_book")
                .body("data", equalTo(Map.of("itemBookId", id, "categoryNumber", 1, "tabNumber", 1, "posX", 3,
                        "posY", 3)));
        error(as(user).delete(buttons + "/pos_x/3/pos_y/3").then(), 404, "405002");
        error(as(user).body(Map.of("posX", 1, "posY", 1, "size", "Huge", "imageUrl", "", "colorText", "",
                "itemCode", "49-01")).post(buttons).then(), 422, "300001");

        ok(as(user).delete(base + "/" + id + "/categories/3").then(), 200, "delete_category_from_item_book")
                .body("data", equalTo(Map.of("itemBookId", id, "categoryNumber", 3)));

        // Whole-book replace, list, delete
        ok(as(user).body(Map.of("title", "Renamed", "categories", List.of(category(5, List.of()))))
                .put(base + "/" + second).then(), 200, "update_item_book")
                .body("data.title", equalTo("Renamed"))
                .body("data.categories.categoryNumber", equalTo(List.of(5)));
        ok(as(user).queryParam("sort", "title:1").get(base).then(), 200, "get_all_item_books")
                .body("data.title", equalTo(List.of("Main", "Renamed")))
                .body("metadata.total", equalTo(2));
        ok(as(user).queryParam("limit", 1).queryParam("page", 2).get(base).then(), 200, "get_all_item_books")
                .body("data.itemBookId", equalTo(List.of(second)));
        error(as(user).queryParam("sort", "categories:1").get(base).then(), 400, "300002");
        error(as(user).body(Map.of("categories", List.of())).post(base).then(), 422, "300001");
        ok(as(user).delete(base + "/" + second).then(), 200, "delete_item_book")
                .body("data.itemBookId", equalTo(second));
        error(as(user).get(base + "/" + second).then(), 404, "405002");
        error(as(user).delete(base + "/" + second).then(), 404, "405002");
        error(as(user).body(category(1, List.of())).post(base + "/" + second + "/categories").then(), 404, "405002");
    }
}
