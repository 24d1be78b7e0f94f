package dev.kassa.masterdata;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

/**
 * Input past the bounds of {@code Limits} is refused with 422/300001 before any store is written,
 * and a follow-up read shows nothing changed.
 */
@QuarkusTest
class InputBoundsTest extends MasterDataTest {

    private static String itemJson(String code, String unitPrice) {
        return "{\"itemCode\":\"" + code + "\",\"description\":\"Tea\",\"unitPrice\":" + unitPrice
                + ",\"unitCost\":1,\"itemDetails\":[],\"imageUrls\":[],\"categoryCode\":\"001\",\"taxCode\":\"01\"}";
    }

    @Test
    void aPriceOfOneEToTheTenThousandIsRefusedAndNothingIsStored() {
        String t = provisioned();
        String user = userToken(t);
        String base = "/api/v1/tenants/" + t + "/items";
        for (String huge : List.of("1e10000", "-1e100000", "1e13", "0.00001")) {
            error(as(user).body(itemJson("HUGE", huge)).post(base).then(), 422, "300001")
                    .body("message", containsString("unitPrice"))
                    .body("message.length()", lessThan(1_000));
        }
        error(as(user).get(base + "/HUGE").then(), 404, "405101");
        ok(as(user).get(base).then(), 200, "get_item_master_all_async").body("metadata.total", equalTo(0));

        ok(as(user).body(itemJson("MAX", "999999999999.9999")).post(base).then(), 201, "create_item_master_async");
        ok(as(user).body(itemJson("TEA", "120")).post(base).then(), 201, "create_item_master_async");
        String update = "{\"description\":\"Tea\",\"unitPrice\":1e10000,\"unitCost\":1,\"itemDetails\":[],"
                + "\"imageUrls\":[],\"categoryCode\":\"001\",\"taxCode\":\"01\"}";
        error(as(user).body(update).put(base + "/TEA").then(), 422, "300001");
        ok(as(user).get(base + "/TEA").then(), 200, "get_item_master_async")
                .body("data.unitPrice", equalTo(120));

        String stores = "/api/v1/tenants/" + t + "/stores/S1/items";
        error(as(user).body("{\"itemCode\":\"TEA\",\"storePrice\":1e10000}").post(stores).then(), 422, "300001");
        ok(as(user).get(stores).then(), 200, "get_item_store_master_all_async").body("metadata.total", equalTo(0));
        String payments = "/api/v1/tenants/" + t + "/payments";
        error(as(user).body("{\"paymentCode\":\"P1\",\"description\":\"Cash\",\"limitAmount\":1e10000,"
                + "\"canRefund\":true,\"canDepositOver\":true,\"canChange\":true,\"isActive\":true}")
                .post(payments).then(), 422, "300001");
        as(user).get(payments + "/P1").then().statusCode(404).body("success", equalTo(false));
    }

    @Test
    void aPageBeyondTheLastIs422NotANegativeOffset() {
        String t = provisioned();
        String user = userToken(t);
        for (String list : List.of("items", "staff", "categories", "payments", "stores/S1/items")) {
            error(as(user).queryParam("page", Integer.MAX_VALUE).queryParam("limit", 1000)
                    .get("/api/v1/tenants/" + t + "/" + list).then(), 422, "300001")
                    .body("message", containsString("page"));
        }
    }

    @Test
    void nulBytesAndOverlongCodesAre422AndNothingIsStored() {
        String t = provisioned();
        String user = userToken(t);
        String base = "/api/v1/tenants/" + t + "/items";
        error(as(user).body(itemJson("A\\u0000B", "1")).post(base).then(), 422, "300001")
                .body("message", containsString("itemCode"));
        error(as(user).body(itemJson("A".repeat(5_000), "1")).post(base).then(), 422, "300001")
                .body("message", containsString("itemCode")).body("message.length()", lessThan(1_000));
        ok(as(user).get(base).then(), 200, "get_item_master_all_async").body("metadata.total", equalTo(0));

        error(as(user).urlEncodingEnabled(false).get(base + "/A%00B").then(), 422, "300001")
                .body("message", containsString("item_code"));
        error(as(user).get(base + "/" + "A".repeat(1_000)).then(), 422, "300001")
                .body("message", containsString("item_code"));
        error(as(user).urlEncodingEnabled(false).delete(base + "/A%00B").then(), 422, "300001");
        error(as(user).urlEncodingEnabled(false).get("/api/v1/tenants/" + t + "/staff/S%001").then(), 422, "300001");
        error(as(user).urlEncodingEnabled(false).queryParam("category_code", "C%00")
                .get("/api/v1/tenants/" + t + "/promotions").then(), 422, "300001");
    }

    @Test
    void overlongNamesPinsAndListsAreRefusedAndNothingIsStored() {
        String t = provisioned();
        String user = userToken(t);
        String staff = "/api/v1/tenants/" + t + "/staff";
        error(as(user).body(Map.of("id", "S1", "name", "N".repeat(100_000), "pin", "1234", "roles", List.of("staff")))
                .post(staff).then(), 422, "300001").body("message", containsString("name"));
        error(as(user).body(Map.of("id", "S1", "name", "Ann", "pin", "1".repeat(1_000), "roles", List.of("staff")))
                .post(staff).then(), 422, "300001").body("message", containsString("pin"));
        error(as(user).body(Map.of("id", "S1", "name", "Ann", "pin", "1234", "roles", Collections.nCopies(1_001, "staff")))
                .post(staff).then(), 422, "300001").body("message", containsString("roles"));
        error(as(user).body(Map.of("id", "S1", "name", "A\u0000n", "pin", "1234", "roles", List.of("staff")))
                .post(staff).then(), 422, "300001").body("message", containsString("NUL"));
        ok(as(user).get(staff).then(), 200, "get_staff_master_all_async").body("metadata.total", equalTo(0));

        ok(as(user).body(Map.of("id", "S1", "name", "Ann", "pin", "1234", "roles", List.of("staff"))).post(staff).then(),
                201, "create_staff_master_async");
        error(as(user).body(Map.of("name", "N".repeat(256), "pin", "1234", "roles", List.of("staff")))
                .put(staff + "/S1").then(), 422, "300001");
        ok(as(user).get(staff + "/S1").then(), 200, "get_staff_master_async").body("data.name", equalTo("Ann"));

        String items = "/api/v1/tenants/" + t + "/items";
        error(as(user).body(itemJson("LONG", "1").replace("\"Tea\"", "\"" + "d".repeat(10_000) + "\""))
                .post(items).then(), 422, "300001").body("message", containsString("description"));
        error(as(user).body(itemJson("MANY", "1").replace("\"itemDetails\":[]",
                        "\"itemDetails\":[" + String.join(",", Collections.nCopies(1_001, "\"d\"")) + "]"))
                .post(items).then(), 422, "300001").body("message", containsString("itemDetails"));
        ok(as(user).get(items).then(), 200, "get_item_master_all_async").body("metadata.total", equalTo(0));
    }
}
