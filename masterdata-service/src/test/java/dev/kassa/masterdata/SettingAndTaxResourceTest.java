package dev.kassa.masterdata;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class SettingAndTaxResourceTest extends MasterDataTest {

    @Test
    void settingCrudAndValueResolution() {
        String t = provisioned();
        String user = userToken(t);
        String base = "/api/v1/tenants/" + t + "/settings";
        ok(as(user).body(Map.of("name", "RECEIPT_NO_START_VALUE", "default_value", "111111", "values", List.of(
                Map.of("store_code", "5678", "terminal_no", 9, "value", "500000"),
                Map.of("store_code", "5678", "value", "400000"),
                Map.of("value", "300000")))).post(base).then(), 201, "create_settings_master_async")
                .body("data.keySet()", containsInAnyOrder("name", "defaultValue", "values", "entryDatetime",
                        "lastUpdateDatetime"))
                .body("data.defaultValue", equalTo("111111"))
                .body("data.values.value", equalTo(List.of("500000", "400000", "300000")))
                .body("data.values[2].storeCode", nullValue());

        String value = base + "/RECEIPT_NO_START_VALUE/value";
        String terminal = terminalToken(t, "5678", 9);
        ok(as(terminal).queryParam("store_code", "5678").queryParam("terminal_no", 9).get(value).then(), 200,
                "get_settings_value_by_name_async").body("data.value", equalTo("500000"));
        ok(as(terminal).queryParam("store_code", "5678").queryParam("terminal_no", 2).get(value).then(), 200,
                "get_settings_value_by_name_async").body("data.value", equalTo("400000"));
        ok(as(terminal).queryParam("store_code", "5678").get(value).then(), 200,
                "get_settings_value_by_name_async").body("data.value", equalTo("400000"));
        ok(as(terminal).queryParam("store_code", "1111").queryParam("terminal_no", 9).get(value).then(), 200,
                "get_settings_value_by_name_async").body("data.value", equalTo("300000"));

        // Without a global value, the default applies.
        ok(as(user).body(Map.of("defaultValue", "111111", "values", List.of(
                Map.of("storeCode", "5678", "terminalNo", 9, "value", "500000")))).put(base + "/RECEIPT_NO_START_VALUE")
                .then(), 200, "update_settings_master_async")
                .body("data.values.value", equalTo(List.of("500000")))
                .body("data.lastUpdateDatetime", notNullValue());
        ok(as(terminal).queryParam("store_code", "1111").queryParam("terminal_no", 9).get(value).then(), 200,
                "get_settings_value_by_name_async").body("data.value", equalTo("111111"));
        ok(as(terminal).get(value).then(), 200, "get_settings_value_by_name_async")
                .body("data.value", equalTo("111111"));

        ok(as(user).get(base + "/RECEIPT_NO_START_VALUE").then(), 200, "get_settings_master_by_name_async")
                .body("data.values[0].terminalNo", equalTo(9));
        ok(as(user).delete(base + "/RECEIPT_NO_START_VALUE").then(), 200, "delete_settings_master_async")
                .body("data.name", equalTo("RECEIPT_NO_START_VALUE"));
        error(as(user).get(value).then(), 404, "405002");
        error(as(user).get(base + "/RECEIPT_NO_START_VALUE").then(), 404, "405002");
    }

    @Test
    void settingErrorsAndPaging() {
        String t = provisioned();
        String user = userToken(t);
        String base = "/api/v1/tenants/" + t + "/settings";
        for (String name : List.of("B_SETTING", "A_SETTING", "C_SETTING")) {
            as(user).body(Map.of("name", name, "defaultValue", "x", "values", List.of())).post(base).then()
                    .statusCode(201);
        }
        error(as(user).body(Map.of("name", "A_SETTING", "defaultValue", "y", "values", List.of())).post(base).then(),
                400, "500005");
        error(as(user).body(Map.of("name", "D_SETTING", "values", List.of())).post(base).then(), 422, "300001");
        error(as(user).body(Map.of("name", "D_SETTING", "defaultValue", "x",
                "values", List.of(Map.of("storeCode", "1")))).post(base).then(), 422, "300001");
        error(as(user).body(Map.of("defaultValue", "x", "values", List.of())).put(base + "/NOPE").then(), 404,
                "405002");
        error(as(user).delete(base + "/NOPE").then(), 404, "405002");

        ok(as(user).get(base).then(), 200, "get_settings_master_async")
                .body("data.name", equalTo(List.of("A_SETTING", "B_SETTING", "C_SETTING")));
        ok(as(user).queryParam("sort", "name:-1").queryParam("limit", 2).get(base).then(), 200,
                "get_settings_master_async")
                .body("data.name", equalTo(List.of("C_SETTING", "B_SETTING")))
                .body("metadata.total", equalTo(3))
                .body("metadata.limit", equalTo(2));
        error(as(user).queryParam("sort", "values:1").get(base).then(), 400, "300002");
    }

    @Test
    void taxesComeFromConfiguration() {
        String t = provisioned();
        String terminal = terminalToken(t, "5678", 9);
        String base = "/api/v1/tenants/" + t + "/taxes";
        ok(as(terminal).get(base).then(), 200, "get_taxes")
                .body("data.taxCode", equalTo(List.of("00", "01", "02", "11", "12")))
                .body("data.taxType", equalTo(List.of("Exempt", "External", "Internal", "External", "Internal")))
                .body("data.taxName", equalTo(List.of("非課税", "外税10%", "内税10%", "外税 8%", "内税 8%")))
                .body("data.rate", equalTo(List.of(0, 10, 10, 8, 8)))
                .body("data.roundDigit", equalTo(List.of(-1, -1, -1, -1, -1)))
                .body("data.roundMethod", equalTo(List.of("Floor", "Floor", "Floor", "Floor", "Floor")))
                .body("data[0].keySet()", containsInAnyOrder("taxCode", "taxType", "taxName", "rate", "roundDigit",
                        "roundMethod", "entryDatetime", "lastUpdateDatetime"))
                .body("metadata.total", equalTo(5));
        ok(as(terminal).queryParam("sort", "rate:-1,tax_code:-1").queryParam("limit", 2).queryParam("page", 2)
                .get(base).then(), 200, "get_taxes")
                .body("data.taxCode", equalTo(List.of("12", "11")))
                .body("metadata.sort", equalTo("rate:-1,tax_code:-1"));
        ok(as(userToken(t)).get(base + "/02").then(), 200, "get_tax")
                .body("data.taxType", equalTo("Internal"))
                .body("data.taxName", equalTo("内税10%"))
                .body("data.rate", equalTo(10));
        error(as(terminal).get(base + "/99").then(), 404, "405002");
        error(as(terminal).queryParam("sort", "percent:1").get(base).then(), 400, "300002");

        String unknown = newTenant();
        error(as(userToken(unknown)).get("/api/v1/tenants/" + unknown + "/taxes").then(), 404, "100001");
    }
}
