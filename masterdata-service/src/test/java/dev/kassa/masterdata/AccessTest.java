package dev.kassa.masterdata;

import dev.kassa.common.auth.ApiKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Who may do what, on every path: a token of one tenant gets nothing of another; terminals
 * (terminal JWT or API key) read master data but never write it; nobody gets in without credentials.
 */
@QuarkusTest
class AccessTest extends MasterDataTest {

    @Inject
    RedisDataSource redis;

    record Call(String method, String path, Object body) {
    }

    /** Every endpoint of the service, with a valid body, for tenant {@code t} whose data {@link #seed} made. */
    static List<Call> writes(String t, String book) {
        String p = "/api/v1/tenants/" + t;
        Map<String, Object> staff = Map.of("name", "N", "pin", "1", "roles", List.of());
        Map<String, Object> category = Map.of("description", "D", "descriptionShort", "D", "taxCode", "01");
        Map<String, Object> item = ItemResourceTest.item("X", "X", 1);
        Map<String, Object> payment = Map.of("description", "D", "limitAmount", 0, "canRefund", true,
                "canDepositOver", true, "canChange", true, "isActive", true);
        Map<String, Object> setting = Map.of("defaultValue", "v", "values", List.of());
        Map<String, Object> cat = ItemBookResourceTest.category(9, List.of());
        Map<String, Object> tab = ItemBookResourceTest.tab(9, List.of());
        Map<String, Object> button = ItemBookResourceTest.button(9, 9, "I1");
        Map<String, Object> promo = Map.of("promotionCode", "PX", "promotionType", "category_discount", "name", "N",
                "startDatetime", "2025-01-01T00:00:00", "endDatetime", "2099-01-01T00:00:00",
                "detail", Map.of("targetCategoryCodes", List.of("C1"), "discountRate", 5));
        String b = p + "/item_books/" + book;
        return List.of(
                new Call("POST", p + "/staff", Map.of("id", "SX", "name", "N", "pin", "1", "roles", List.of())),
                new Call("PUT", p + "/staff/S1", staff),
                new Call("DELETE", p + "/staff/S1", null),
                new Call("POST", p + "/categories", Map.of("categoryCode", "CX", "description", "D",
                        "descriptionShort", "D", "taxCode", "01")),
                new Call("PUT", p + "/categories/C1", category),
                new Call("DELETE", p + "/categories/C1", null),
                new Call("POST", p + "/items", ItemResourceTest.item("IX", "X", 1)),
                new Call("PUT", p + "/items/I1", item),
                new Call("DELETE", p + "/items/I1?is_logical=true", null),
                new Call("POST", p + "/stores/5678/items", Map.of("itemCode", "I1", "storePrice", 1)),
                new Call("PUT", p + "/stores/5678/items/I1", Map.of("storePrice", 1)),
                new Call("DELETE", p + "/stores/5678/items/I1", null),
                new Call("POST", p + "/payments", Map.of("paymentCode", "99", "description", "D", "limitAmount", 0,
                        "canRefund", true, "canDepositOver", true, "canChange", true, "isActive", true)),
                new Call("PUT", p + "/payments/01", payment),
                new Call("DELETE", p + "/payments/01", null),
                new Call("POST", p + "/settings", Map.of("name", "SX", "defaultValue", "v", "values", List.of())),
                new Call("PUT", p + "/settings/S1", setting),
                new Call("DELETE", p + "/settings/S1", null),
                new Call("POST", p + "/item_books", Map.of("title", "B")),
                new Call("PUT", b, Map.of("title", "B")),
                new Call("DELETE", b, null),
                new Call("POST", b + "/categories", cat),
                new Call("PUT", b + "/categories/1", ItemBookResourceTest.category(1, List.of())),
                new Call("DELETE", b + "/categories/1", null),
                new Call("POST", b + "/categories/1/tabs", tab),
                new Call("PUT", b + "/categories/1/tabs/1", ItemBookResourceTest.tab(1, List.of())),
                new Call("DELETE", b + "/categories/1/tabs/1", null),
                new Call("POST", b + "/categories/1/tabs/1/buttons", button),
                new Call("PUT", b + "/categories/1/tabs/1/buttons/pos_x/0/pos_y/0", ItemBookResourceTest.button(0, 0, "I1")),
                new Call("DELETE", b + "/categories/1/tabs/1/buttons/pos_x/0/pos_y/0", null),
                new Call("POST", p + "/promotions", promo),
                new Call("PUT", p + "/promotions/P1", Map.of("name", "N")),
                new Call("DELETE", p + "/promotions/P1", null));
    }

    static List<Call> reads(String t, String book) {
        String p = "/api/v1/tenants/" + t;
        List<Call> calls = new ArrayList<>();
        for (String path : List.of("/staff", "/staff/S1", "/categories", "/categories/C1", "/items", "/items/I1",
                "/stores/5678/items", "/stores/5678/items/I1", "/stores/5678/items/I1/details", "/payments",
                "/payments/01", "/settings", "/settings/S1", "/settings/S1/value?store_code=5678&terminal_no=9",
                "/taxes", "/taxes/01", "/item_books", "/item_books/" + book, "/item_books/" + book + "/detail",
                "/promotions", "/promotions/active", "/promotions/P1")) {
            calls.add(new Call("GET", p + path, null));
        }
        return calls;
    }

    /** One record of every kind; answers the item book's id. */
    String seed(String t) {
        String user = userToken(t);
        String p = "/api/v1/tenants/" + t;
        as(user).body(Map.of("id", "S1", "name", "N", "pin", "1", "roles", List.of())).post(p + "/staff").then()
                .statusCode(201);
        as(user).body(Map.of("categoryCode", "C1", "description", "D", "descriptionShort", "D", "taxCode", "01"))
                .post(p + "/categories").then().statusCode(201);
        as(user).body(ItemResourceTest.item("I1", "Item", 10)).post(p + "/items").then().statusCode(201);
        as(user).body(Map.of("itemCode", "I1", "storePrice", 9)).post(p + "/stores/5678/items").then().statusCode(201);
        as(user).body(Map.of("paymentCode", "01", "description", "Cash", "limitAmount", 0, "canRefund", true,
                "canDepositOver", true, "canChange", true, "isActive", true)).post(p + "/payments").then()
                .statusCode(201);
        as(user).body(Map.of("name", "S1", "defaultValue", "v", "values", List.of())).post(p + "/settings").then()
                .statusCode(201);
        as(user).body(Map.of("promotionCode", "P1", "promotionType", "category_discount", "name", "N",
                "startDatetime", "2025-01-01T00:00:00", "endDatetime", "2099-01-01T00:00:00",
                "detail", Map.of("targetCategoryCodes", List.of("C1"), "discountRate", 5)))
                .post(p + "/promotions").then().statusCode(201);
        return as(user).body(Map.of("title", "B", "categories", List.of(ItemBookResourceTest.category(1, List.of(
                        ItemBookResourceTest.tab(1, List.of(ItemBookResourceTest.button(0, 0, "I1"))))))))
                .post(p + "/item_books").then().statusCode(201).extract().path("data.itemBookId");
    }

    static ValidatableResponse send(io.restassured.specification.RequestSpecification spec, Call call) {
        if (call.body() != null) {
            spec = spec.contentType(ContentType.JSON).body(call.body());
        }
        return spec.request(call.method(), call.path()).then();
    }

    @Test
    void aTokenOfOneTenantGetsNothingOfAnother() {
        String a = provisioned();
        String b = provisioned();
        String book = seed(b);
        List<Call> all = new ArrayList<>(reads(b, book));
        all.addAll(writes(b, book));
        for (Call call : all) {
            error(send(as(userToken(a)), call), 400, "200003");
        }
        // Terminals and services of A may read their own tenant's master data, never B's.
        for (String token : List.of(terminalToken(a, "5678", 9), serviceToken(a))) {
            for (Call call : reads(b, book)) {
                error(send(as(token), call), 400, "200003");
            }
        }
        // ...and tenant B's data is all still there.
        for (Call call : reads(b, book)) {
            send(as(userToken(b)), call).statusCode(200).body("success", equalTo(true));
        }
        error(as(userToken(a)).body(Map.of("tenantId", b)).post("/api/v1/tenants").then(), 400, "200003");
    }

    @Test
    void terminalsReadButNeverWrite() {
        String t = provisioned();
        String book = seed(t);
        String jwt = terminalToken(t, "5678", 9);
        for (Call call : reads(t, book)) {
            send(as(jwt), call).statusCode(200).body("success", equalTo(true)).body("data", notNullValue());
        }
        for (Call call : writes(t, book)) {
            error(send(as(jwt), call), 403, "200002");
        }

        // The same with an API key: the key's hash as the terminal service leaves it in the shared cache.
        String terminalId = t + "-5678-9";
        String key = ApiKeys.generate();
        redis.hash(String.class).hset(ApiKeys.cacheKey(terminalId), Map.of("keyHash", ApiKeys.hash(key),
                "storeCode", "5678", "terminalNo", "9"));
        for (Call call : reads(t, book)) {
            String sep = call.path().contains("?") ? "&" : "?";
            send(given().header("X-API-KEY", key), new Call("GET", call.path() + sep + "terminal_id=" + terminalId,
                    null)).statusCode(200).body("success", equalTo(true));
        }
        for (Call call : writes(t, book)) {
            String sep = call.path().contains("?") ? "&" : "?";
            error(send(given().header("X-API-KEY", key),
                    new Call(call.method(), call.path() + sep + "terminal_id=" + terminalId, call.body())), 403,
                    "200002");
        }
        // Nothing was changed by all those attempts.
        ok(as(userToken(t)).get("/api/v1/tenants/" + t + "/items/I1").then(), 200, "get_item_master_async")
                .body("data.description", equalTo("Item"))
                .body("data.isDeleted", equalTo(false));
        ok(as(userToken(t)).get("/api/v1/tenants/" + t + "/staff").then(), 200, "get_staff_master_all_async")
                .body("metadata.total", equalTo(1));
    }

    @Test
    void noCredentialsNoAccess() {
        String t = provisioned();
        String book = seed(t);
        // Every read, and a write of each kind of record.
        List<Call> all = new ArrayList<>(reads(t, book));
        all.addAll(writes(t, book).stream().filter(c -> c.method().equals("POST")).toList());
        for (Call call : all) {
            error(send(given(), call), 401, "200001");
        }
        error(given().header("Authorization", "Bearer not-a-token").get("/api/v1/tenants/" + t + "/items").then(),
                401, "200001");
        error(given().header("X-API-KEY", "key").get("/api/v1/tenants/" + t + "/items").then(), 401, "200001");
        // A user of the tenant still gets everything.
        ok(as(userToken(t)).get("/api/v1/tenants/" + t + "/items").then(), 200, "get_item_master_all_async")
                .body("metadata.total", equalTo(1))
                .body("userError", nullValue());
    }

    /** The published document against the code: success statuses, typed answers, security (issue 13, wire item 8). */
    @org.junit.jupiter.api.Test
    void theOpenApiDocumentSaysWhatTheCodeDoes() throws Exception {
        dev.kassa.common.test.OpenApiContract.assertDocumentsTheCode("dev.kassa.masterdata.rest");
        // Kugel's name for this service
        io.restassured.RestAssured.given().get("/health").then().statusCode(200)
                .body("service", org.hamcrest.Matchers.equalTo("master-data"))
                .body("checks.postgresql.status", org.hamcrest.Matchers.equalTo("healthy"))
                // the points expiry's cron is off in tests: not listed as a running job
                .body("checks.background_jobs.details.job_names", org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.hasItem("points-expiry")));
    }
}
