package dev.kassa.masterdata;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of master-data write puts one MasterDataChanged on pos.masterdata (through the
 * outbox), keyed by tenant; a refused write puts none. Read back from the broker.
 */
@QuarkusTest
class ChangeEventsTest extends MasterDataTest {

    @Test
    void eachKindOfWritePublishesOneChange() {
        String t = provisioned();
        String user = userToken(t);
        String p = "/api/v1/tenants/" + t;
        List<String> expected = new ArrayList<>();

        as(user).body(Map.of("id", "S1", "name", "N", "pin", "1", "roles", List.of())).post(p + "/staff").then()
                .statusCode(201);
        as(user).body(Map.of("name", "M", "pin", "2", "roles", List.of())).put(p + "/staff/S1").then().statusCode(200);
        as(user).delete(p + "/staff/S1").then().statusCode(200);
        expected.addAll(List.of("staff S1 - created", "staff S1 - updated", "staff S1 - deleted"));

        as(user).body(Map.of("categoryCode", "C1", "description", "D", "descriptionShort", "D", "taxCode", "01"))
                .post(p + "/categories").then().statusCode(201);
        as(user).body(Map.of("description", "E", "descriptionShort", "E", "taxCode", "02")).put(p + "/categories/C1")
                .then().statusCode(200);
        as(user).delete(p + "/categories/C1").then().statusCode(200);
        expected.addAll(List.of("category C1 - created", "category C1 - updated", "category C1 - deleted"));

        as(user).body(ItemResourceTest.item("I1", "Item", 10)).post(p + "/items").then().statusCode(201);
        Map<String, Object> update = ItemResourceTest.item("I1", "Item", 12);
        as(user).body(update).put(p + "/items/I1").then().statusCode(200);
        expected.addAll(List.of("item I1 - created", "item I1 - updated"));

        as(user).body(Map.of("itemCode", "I1", "storePrice", 9)).post(p + "/stores/5678/items").then().statusCode(201);
        as(user).body(Map.of("storePrice", 8)).put(p + "/stores/5678/items/I1").then().statusCode(200);
        as(user).delete(p + "/stores/5678/items/I1").then().statusCode(200);
        expected.addAll(List.of("store_item I1 5678 created", "store_item I1 5678 updated",
                "store_item I1 5678 deleted"));

        as(user).queryParam("is_logical", true).delete(p + "/items/I1").then().statusCode(200);
        as(user).delete(p + "/items/I1").then().statusCode(200);
        expected.addAll(List.of("item I1 - deleted", "item I1 - deleted"));

        as(user).body(Map.of("paymentCode", "01", "description", "Cash", "limitAmount", 0, "canRefund", true,
                "canDepositOver", true, "canChange", true, "isActive", true)).post(p + "/payments").then()
                .statusCode(201);
        as(user).body(Map.of("description", "Cash", "limitAmount", 10, "canRefund", true, "canDepositOver", true,
                "canChange", true, "isActive", true)).put(p + "/payments/01").then().statusCode(200);
        as(user).delete(p + "/payments/01").then().statusCode(200);
        expected.addAll(List.of("payment 01 - created", "payment 01 - updated", "payment 01 - deleted"));

        as(user).body(Map.of("name", "RECEIPT_FOOTERS", "defaultValue", "x", "values", List.of()))
                .post(p + "/settings").then().statusCode(201);
        as(user).body(Map.of("defaultValue", "y", "values", List.of())).put(p + "/settings/RECEIPT_FOOTERS").then()
                .statusCode(200);
        as(user).delete(p + "/settings/RECEIPT_FOOTERS").then().statusCode(200);
        expected.addAll(List.of("setting RECEIPT_FOOTERS - created", "setting RECEIPT_FOOTERS - updated",
                "setting RECEIPT_FOOTERS - deleted"));

        as(user).body(Map.of("promotionCode", "P1", "promotionType", "category_discount", "name", "N",
                "startDatetime", "2025-01-01T00:00:00", "endDatetime", "2099-01-01T00:00:00",
                "detail", Map.of("targetCategoryCodes", List.of("C1"), "discountRate", 5)))
                .post(p + "/promotions").then().statusCode(201);
        as(user).body(Map.of("isActive", false)).put(p + "/promotions/P1").then().statusCode(200);
        as(user).delete(p + "/promotions/P1").then().statusCode(200);
        expected.addAll(List.of("promotion P1 - created", "promotion P1 - updated", "promotion P1 - deleted"));

        // Refused writes leave no event: a duplicate, an unknown record, a terminal's attempt.
        as(user).body(Map.of("paymentCode", "02", "description", "x", "limitAmount", 0, "canRefund", true,
                "canDepositOver", true, "canChange", true, "isActive", true)).post(p + "/payments").then()
                .statusCode(201);
        as(user).body(Map.of("paymentCode", "02", "description", "x", "limitAmount", 0, "canRefund", true,
                "canDepositOver", true, "canChange", true, "isActive", true)).post(p + "/payments").then()
                .statusCode(400);
        as(user).delete(p + "/categories/NOPE").then().statusCode(404);
        as(terminalToken(t, "5678", 9)).delete(p + "/payments/02").then().statusCode(403);
        expected.add("payment 02 - created");
        // The last write: once it is on the topic, everything before it is too (one key, one partition).
        as(user).body(Map.of("categoryCode", "LAST", "description", "D", "descriptionShort", "D", "taxCode", "01"))
                .post(p + "/categories").then().statusCode(201);
        expected.add("category LAST - created");

        List<JsonNode> events = events(t, expected.size(), e -> true);
        List<String> seen = events.stream().map(e -> e.path("entity").asText() + " " + e.path("code").asText() + " "
                + (e.path("store_code").isNull() ? "-" : e.path("store_code").asText()) + " "
                + e.path("action").asText()).toList();
        assertEquals(expected, seen);
        for (JsonNode e : events) {
            assertEquals("masterdata_changed", e.path("event_type").asText());
            assertEquals(t, e.path("tenant_id").asText());
            UUID.fromString(e.path("event_id").asText());
            assertFalse(e.path("occurred_at").asText().isEmpty());
            assertTrue(e.has("store_code"));
        }
        assertEquals(events.size(), events.stream().map(e -> e.path("event_id").asText()).distinct().count());
    }
}
