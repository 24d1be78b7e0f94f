package dev.kassa.masterdata;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class CategoryAndPaymentResourceTest extends MasterDataTest {

    @Test
    void categoryCrud() {
        String t = provisioned();
        String user = userToken(t);
        String base = "/api/v1/tenants/" + t + "/categories";
        // snake_case body
        ok(as(user).body(Map.of("category_code", "001", "description", "Drinks", "description_short", "Drk",
                "tax_code", "01")).post(base).then(), 201, "create_category")
                .body("data.keySet()", containsInAnyOrder("categoryCode", "description", "descriptionShort", "taxCode",
                        "entryDatetime", "lastUpdateDatetime"))
                .body("data.categoryCode", equalTo("001"))
                .body("data.descriptionShort", equalTo("Drk"))
                .body("data.lastUpdateDatetime", nullValue());
        ok(as(user).get(base + "/001").then(), 200, "get_category").body("data.description", equalTo("Drinks"));
        ok(as(user).body(Map.of("description", "Beverages", "descriptionShort", "Bev", "taxCode", "11"))
                .put(base + "/001").then(), 200, "update_category")
                .body("data.description", equalTo("Beverages"))
                .body("data.taxCode", equalTo("11"))
                .body("data.lastUpdateDatetime", notNullValue());
        ok(as(user).get(base + "/001").then(), 200, "get_category").body("data.descriptionShort", equalTo("Bev"));
        ok(as(user).delete(base + "/001").then(), 200, "delete_category").body("data.categoryCode", equalTo("001"));
        error(as(user).get(base + "/001").then(), 404, "405002").body("message", equalTo("Category 001 not found"));
    }

    @Test
    void categoryErrors() {
        String t = provisioned();
        String user = userToken(t);
        String base = "/api/v1/tenants/" + t + "/categories";
        Map<String, Object> body = Map.of("categoryCode", "001", "description", "A", "descriptionShort", "A",
                "taxCode", "01");
        as(user).body(body).post(base).then().statusCode(201);
        error(as(user).body(body).post(base).then(), 400, "500005");
        error(as(user).body(Map.of("categoryCode", "002", "description", "A")).post(base).then(), 422, "300001")
                .body("message", containsString("taxCode"));
        error(as(user).body("{not json").post(base).then(), 422, "300001");
        error(as(user).body(Map.of("description", "A", "descriptionShort", "A", "taxCode", "01"))
                .put(base + "/999").then(), 404, "405002");
        error(as(user).delete(base + "/999").then(), 404, "405002");
    }

    @Test
    void categoryListPagesAndSorts() {
        String t = provisioned();
        String user = userToken(t);
        String base = "/api/v1/tenants/" + t + "/categories";
        for (String[] c : new String[][]{{"001", "Food", "02"}, {"002", "Drinks", "01"}, {"003", "Books", "00"}}) {
            as(user).body(Map.of("categoryCode", c[0], "description", c[1], "descriptionShort", c[1],
                    "taxCode", c[2])).post(base).then().statusCode(201);
        }
        ok(as(user).queryParam("sort", "tax_code:-1").get(base).then(), 200, "get_categories")
                .body("data.categoryCode", equalTo(List.of("001", "002", "003")));
        ok(as(user).queryParam("sort", "description:1").queryParam("limit", 2).get(base).then(), 200,
                "get_categories")
                .body("data.description", equalTo(List.of("Books", "Drinks")))
                .body("metadata.total", equalTo(3))
                .body("metadata.limit", equalTo(2))
                .body("metadata.page", equalTo(1));
        ok(as(user).queryParam("sort", "descriptionShort:-1").queryParam("limit", 2).queryParam("page", 2)
                .get(base).then(), 200, "get_categories")
                .body("data.description", equalTo(List.of("Books")))
                .body("metadata.sort", equalTo("description_short:-1"));
        error(as(user).queryParam("sort", "color:1").get(base).then(), 400, "300002");
        error(as(user).queryParam("sort", "description:up").get(base).then(), 400, "300002");
    }

    @Test
    void paymentCrudAndErrors() {
        String t = provisioned();
        String user = userToken(t);
        String base = "/api/v1/tenants/" + t + "/payments";
        ok(as(user).body(Map.of("payment_code", "11", "description", "Card", "limit_amount", 50000.5,
                "can_refund", true, "can_deposit_over", false, "can_change", false, "is_active", true))
                .post(base).then(), 201, "create_payment")
                .body("data.keySet()", containsInAnyOrder("paymentCode", "description", "limitAmount", "canRefund",
                        "canDepositOver", "canChange", "isActive", "entryDatetime", "lastUpdateDatetime"))
                .body("data.paymentCode", equalTo("11"))
                .body("data.limitAmount", equalTo(50000.5f))
                .body("data.canRefund", equalTo(true))
                .body("data.canDepositOver", equalTo(false))
                .body("data.isActive", equalTo(true));
        ok(as(user).body(Map.of("description", "Card", "limitAmount", 0, "canRefund", false, "canDepositOver", false,
                "canChange", false, "isActive", false)).put(base + "/11").then(), 200, "update_payment")
                .body("data.limitAmount", equalTo(0))
                .body("data.isActive", equalTo(false));
        ok(as(user).get(base + "/11").then(), 200, "get_payment").body("data.canRefund", equalTo(false));
        error(as(user).body(Map.of("paymentCode", "11", "description", "x", "limitAmount", 0, "canRefund", true,
                "canDepositOver", true, "canChange", true, "isActive", true)).post(base).then(), 400, "500005");
        error(as(user).body(Map.of("paymentCode", "12", "description", "x", "limitAmount", -1, "canRefund", true,
                "canDepositOver", true, "canChange", true, "isActive", true)).post(base).then(), 422, "300001")
                .body("message", containsString("limitAmount"));
        error(as(user).body(Map.of("paymentCode", "12", "description", "x", "limitAmount", 0)).post(base).then(),
                422, "300001");
        error(as(user).get(base + "/99").then(), 404, "405002");
        ok(as(user).delete(base + "/11").then(), 200, "delete_payment").body("data.paymentCode", equalTo("11"));
        error(as(user).delete(base + "/11").then(), 404, "405002");
    }

    @Test
    void paymentListPagesAndSorts() {
        String t = provisioned();
        String user = userToken(t);
        String base = "/api/v1/tenants/" + t + "/payments";
        for (String[] p : new String[][]{{"01", "Cash", "0"}, {"11", "Card", "30000"}, {"12", "Voucher", "5000"}}) {
            as(user).body(Map.of("paymentCode", p[0], "description", p[1], "limitAmount", Integer.parseInt(p[2]),
                    "canRefund", true, "canDepositOver", true, "canChange", true, "isActive", true))
                    .post(base).then().statusCode(201);
        }
        ok(as(user).queryParam("sort", "limit_amount:-1").get(base).then(), 200, "get_all_payments")
                .body("data.paymentCode", equalTo(List.of("11", "12", "01")))
                .body("metadata.total", equalTo(3));
        ok(as(user).queryParam("limit", 1).queryParam("page", 3).get(base).then(), 200, "get_all_payments")
                .body("data.paymentCode", equalTo(List.of("12")))
                .body("metadata.page", equalTo(3));
        error(as(user).queryParam("sort", "secret:1").get(base).then(), 400, "300002");
    }
}
