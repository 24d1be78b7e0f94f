package dev.kassa.masterdata;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * kugel-flows.md §1 steps 5-10 (and the master-data side effect of step 3) against tenant T9999,
 * with the responses the flow describes, then the reads the later steps make of that data: the
 * terminal's staff check at sign-in, the cart's item detail and tax, the receipt settings.
 */
@QuarkusTest
class KugelFlowTest extends MasterDataTest {
    private static final String T = "T9999";
    private static final String S = "5678";
    private static final String ISO = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z";

    @Test
    void bootstrapStepsFiveToTen() {
        String bearer = userToken(T);

        // Step 3's side effect: the terminal service sets the tenant up here with the caller's Bearer.
        ok(as(bearer).body(Map.of("tenant_id", T)).post("/api/v1/tenants").then(), 201, "create_tenant")
                .body("data.tenantId", equalTo(T));

        // 5. staff (snake_case body as Kugel's tests send it). Kassa never answers the PIN.
        ok(as(bearer).body(Map.of("id", "S001", "name", "Staff1", "pin", "1234", "roles", List.of("staff")))
                .post("/api/v1/tenants/" + T + "/staff").then(), 201, "create_staff_master_async")
                .body("data.id", equalTo("S001"))
                .body("data.name", equalTo("Staff1"))
                .body("data.roles", equalTo(List.of("staff")))
                .body("data.entryDatetime", matchesPattern(ISO))
                .body("data", not(hasKey("pin")));

        // 6. category
        ok(as(bearer).body(Map.of("categoryCode", "001", "description", "Category1", "descriptionShort", "Cat1",
                "taxCode", "01")).post("/api/v1/tenants/" + T + "/categories").then(), 201, "create_category")
                .body("data.categoryCode", equalTo("001"))
                .body("data.description", equalTo("Category1"))
                .body("data.descriptionShort", equalTo("Cat1"))
                .body("data.taxCode", equalTo("01"));

        // 7. common item
        ok(as(bearer).body(Map.of("itemCode", "49-01", "description", "Item1", "unitPrice", 120, "unitCost", 50,
                        "itemDetails", List.of(), "imageUrls", List.of(), "categoryCode", "001", "taxCode", "01",
                        "isDiscountRestricted", false))
                .post("/api/v1/tenants/" + T + "/items").then(), 201, "create_item_master_async")
                .body("data.keySet()", containsInAnyOrder("itemCode", "description", "unitPrice", "unitCost",
                        "itemDetails", "imageUrls", "categoryCode", "taxCode", "isDiscountRestricted", "isDeleted",
                        "entryDatetime", "lastUpdateDatetime"))
                .body("data.itemCode", equalTo("49-01"))
                .body("data.unitPrice", equalTo(120))
                .body("data.unitCost", equalTo(50))
                .body("data.itemDetails", equalTo(List.of()))
                .body("data.isDiscountRestricted", equalTo(false))
                .body("data.isDeleted", equalTo(false));

        // 8. store price
        ok(as(bearer).body(Map.of("itemCode", "49-01", "storePrice", 100))
                .post("/api/v1/tenants/" + T + "/stores/" + S + "/items").then(), 201, "create_item_master_async")
                .body("data.itemCode", equalTo("49-01"))
                .body("data.storePrice", equalTo(100))
                .body("data.entryDatetime", matchesPattern(ISO));

        // 9. payments 01 cash, 11 cashless, 12 others
        ok(as(bearer).body(Map.of("paymentCode", "01", "description", "Cash", "limitAmount", 0, "canRefund", true,
                        "canDepositOver", true, "canChange", true, "isActive", true))
                .post("/api/v1/tenants/" + T + "/payments").then(), 201, "create_payment")
                .body("data.paymentCode", equalTo("01"))
                .body("data.canChange", equalTo(true))
                .body("data.limitAmount", equalTo(0));
        for (var p : List.of(List.of("11", "Cashless"), List.of("12", "Others"))) {
            ok(as(bearer).body(Map.of("paymentCode", p.get(0), "description", p.get(1), "limitAmount", 0,
                            "canRefund", false, "canDepositOver", false, "canChange", false, "isActive", true))
                    .post("/api/v1/tenants/" + T + "/payments").then(), 201, "create_payment")
                    .body("data.paymentCode", equalTo(p.get(0)))
                    .body("data.description", equalTo(p.get(1)))
                    .body("data.canRefund", equalTo(false))
                    .body("data.canDepositOver", equalTo(false))
                    .body("data.canChange", equalTo(false))
                    .body("data.isActive", equalTo(true));
        }

        // 10. receipt headers: a Python literal is kept as JSON; the same name again is a duplicate
        Map<String, Object> headers = Map.of("name", "RECEIPT_HEADERS",
                "defaultValue", "[{'text':'h1','align':'left'}]",
                "values", List.of(
                        Map.of("storeCode", S, "terminalNo", 9, "value", "[{'text':'terminal 9','align':'center'}]"),
                        Map.of("storeCode", S, "value", "[{'text':'store 5678','align':'center'}]")));
        ok(as(bearer).body(headers).post("/api/v1/tenants/" + T + "/settings").then(), 201,
                "create_settings_master_async")
                .body("data.name", equalTo("RECEIPT_HEADERS"))
                .body("data.defaultValue", equalTo("[{\"text\": \"h1\", \"align\": \"left\"}]"))
                .body("data.values[0].storeCode", equalTo(S))
                .body("data.values[0].terminalNo", equalTo(9))
                .body("data.values[1].terminalNo", nullValue());
        error(as(bearer).body(headers).post("/api/v1/tenants/" + T + "/settings").then(), 400, "500005")
                .body("message", equalTo("Setting RECEIPT_HEADERS already exists"));

        // Later steps read this data. 15: sign-in checks the staff member (terminal caller).
        String terminal = terminalToken(T, S, 9);
        ok(as(terminal).get("/api/v1/tenants/" + T + "/staff/S001").then(), 200, "get_staff_master_async")
                .body("data.name", equalTo("Staff1"))
                .body("data", not(hasKey("pin")));

        // 21: the cart prices 49-01 at the store price 100 and taxes it with 01 (External 10%, Floor).
        ok(as(terminal).get("/api/v1/tenants/" + T + "/stores/" + S + "/items/49-01/details").then(), 200,
                "get_item_store_master_detail_async")
                .body("data.itemCode", equalTo("49-01"))
                .body("data.description", equalTo("Item1"))
                .body("data.unitPrice", equalTo(120))
                .body("data.storePrice", equalTo(100))
                .body("data.categoryCode", equalTo("001"))
                .body("data.taxCode", equalTo("01"))
                .body("data.isDiscountRestricted", equalTo(false));
        ok(as(terminal).get("/api/v1/tenants/" + T + "/taxes/01").then(), 200, "get_tax")
                .body("data.taxType", equalTo("External"))
                .body("data.taxName", equalTo("外税10%"))
                .body("data.rate", equalTo(10))
                .body("data.roundDigit", equalTo(-1))
                .body("data.roundMethod", equalTo("Floor"));
        ok(as(terminal).get("/api/v1/tenants/" + T + "/payments/01").then(), 200, "get_payment")
                .body("data.description", equalTo("Cash"));

        // The receipt: terminal 9 of 5678, another terminal of 5678, another store.
        String value = "/api/v1/tenants/" + T + "/settings/RECEIPT_HEADERS/value";
        ok(as(terminal).queryParam("store_code", S).queryParam("terminal_no", 9).get(value).then(), 200,
                "get_settings_value_by_name_async")
                .body("data.value", equalTo("[{\"text\": \"terminal 9\", \"align\": \"center\"}]"));
        ok(as(terminal).queryParam("store_code", S).queryParam("terminal_no", 1).get(value).then(), 200,
                "get_settings_value_by_name_async")
                .body("data.value", equalTo("[{\"text\": \"store 5678\", \"align\": \"center\"}]"));
        ok(as(terminal).queryParam("store_code", "1111").queryParam("terminal_no", 9).get(value).then(), 200,
                "get_settings_value_by_name_async")
                .body("data.value", equalTo("[{\"text\": \"h1\", \"align\": \"left\"}]"));

        // Without credentials nothing is answered.
        error(given().get("/api/v1/tenants/" + T + "/items/49-01").then(), 401, "200001");
        ok(as(bearer).get("/api/v1/tenants/" + T + "/items/49-01").then(), 200, "get_item_master_async")
                .body("data.entryDatetime", notNullValue());
    }
}
