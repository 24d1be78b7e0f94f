package dev.kassa.stock;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** §7 reads and writes through the HTTP API, with the numbers a back office sees. */
@QuarkusTest
class StockApiTest extends StockTestBase {

    @Test
    void everyUpdateTypeAppliesItsChangeAndAnswersBeforeAndAfter() {
        String t = newTenant();
        String path = stock(t, "S1") + "/A/update";
        Object[][] script = {
                {"initial", 100, 0, 100}, {"purchase", 20, 100, 120}, {"sale", -3, 120, 117},
                {"return", 1, 117, 118}, {"void", 3, 118, 121}, {"void_return", -1, 121, 120},
                {"adjustment", -5, 120, 115}, {"damage", -2, 115, 113}, {"transfer_in", 7, 113, 120},
                {"transfer_out", -20, 120, 100}};
        for (Object[] step : script) {
            as(t).body(Map.of("quantityChange", step[1], "updateType", step[0], "referenceId", "R-" + step[0],
                            "note", "n"))
                    .put(path).then().statusCode(200)
                    .body("success", equalTo(true)).body("code", equalTo(200))
                    .body("operation", equalTo("update_stock"))
                    .body("data.tenantId", equalTo(t)).body("data.storeCode", equalTo("S1"))
                    .body("data.itemCode", equalTo("A")).body("data.updateType", equalTo(step[0]))
                    .body("data.quantityChange", equalTo(step[1])).body("data.beforeQuantity", equalTo(step[2]))
                    .body("data.afterQuantity", equalTo(step[3])).body("data.referenceId", equalTo("R-" + step[0]))
                    .body("data.operatorId", equalTo("owner")).body("data.timestamp", notNullValue());
        }
        as(t).get(stock(t, "S1") + "/A").then().statusCode(200)
                .body("data.currentQuantity", equalTo(100)).body("data.minimumQuantity", equalTo(0))
                .body("data.reorderPoint", equalTo(0)).body("data.reorderQuantity", equalTo(0))
                .body("data.lastTransactionId", equalTo("R-transfer_out")).body("data.lastUpdated", notNullValue());
        // Stock may go negative: a sale is never blocked by a count.
        as(t).body(Map.of("quantityChange", -130, "updateType", "sale")).put(path).then().statusCode(200)
                .body("data.afterQuantity", equalTo(-30));
        // Decimal quantities stay exact.
        as(t).body(Map.of("quantityChange", 2.5, "updateType", "adjustment")).put(path).then().statusCode(200)
                .body("data.afterQuantity", equalTo(-27.5f));
    }

    @Test
    void theHistoryIsPagedNewestFirstWithBeforeAndAfter() {
        String t = newTenant();
        for (int i = 1; i <= 5; i++) {
            as(t).body(Map.of("quantityChange", i, "updateType", "purchase", "referenceId", "P" + i))
                    .put(stock(t, "S1") + "/H/update").then().statusCode(200);
        }
        as(t).queryParam("page", 1).queryParam("limit", 2).get(stock(t, "S1") + "/H/history").then().statusCode(200)
                .body("metadata", nullValue())
                .body("data.metadata.total", equalTo(5)).body("data.metadata.page", equalTo(1))
                .body("data.metadata.limit", equalTo(2))
                .body("data.data.referenceId", contains("P5", "P4"))
                .body("data.data[0].beforeQuantity", equalTo(10)).body("data.data[0].afterQuantity", equalTo(15))
                .body("data.data[1].beforeQuantity", equalTo(6)).body("data.data[1].afterQuantity", equalTo(10));
        as(t).queryParam("page", 3).queryParam("limit", 2).get(stock(t, "S1") + "/H/history").then().statusCode(200)
                .body("data.data.referenceId", contains("P1"))
                .body("data.data[0].beforeQuantity", equalTo(0)).body("data.data[0].afterQuantity", equalTo(1));
        as(t).get(stock(t, "S1") + "/nothing/history").then().statusCode(200)
                .body("data.data", hasSize(0)).body("data.metadata.total", equalTo(0));
    }

    @Test
    void listsNestTheirPagingInsideDataAndStayInTheirStore() {
        String t = newTenant();
        adjust(t, "S1", "C", 3);
        adjust(t, "S1", "A", 1);
        adjust(t, "S1", "B", 2);
        adjust(t, "S2", "A", 99);
        as(t).queryParam("limit", 2).get(stock(t, "S1")).then().statusCode(200)
                .body("operation", equalTo("get_store_stocks")).body("metadata", nullValue())
                .body("data.metadata.total", equalTo(3)).body("data.metadata.page", equalTo(1))
                .body("data.metadata.limit", equalTo(2))
                .body("data.data.itemCode", contains("A", "B")).body("data.data.currentQuantity", contains(1, 2))
                .body("data.data[0].tenantId", equalTo(t)).body("data.data[0].storeCode", equalTo("S1"));
        as(t).queryParam("limit", 2).queryParam("page", 2).get(stock(t, "S1")).then().statusCode(200)
                .body("data.data.itemCode", contains("C")).body("data.metadata.page", equalTo(2));
        as(t).get(stock(t, "S2")).then().statusCode(200)
                .body("data.data.itemCode", contains("A")).body("data.data.currentQuantity", contains(99));
        as(t).get(stock(t, "S1") + "/Z").then().statusCode(404)
                .body("success", equalTo(false)).body("userError.code", equalTo("414001"));
    }

    @Test
    void lowAndReorderAlertsFollowTheirThresholds() {
        String t = newTenant();
        String s = stock(t, "S1");
        adjust(t, "S1", "LOW", 4);        // minimum 5: low
        adjust(t, "S1", "EDGE", 5);       // minimum 5: not low (not below); reorder point 5: at it, so reorder
        adjust(t, "S1", "FINE", 50);      // neither
        adjust(t, "S1", "NEG", -1);       // no minimum, but below zero: low (current < minimum)
        as(t).body(Map.of("minimumQuantity", 5)).put(s + "/LOW/minimum").then().statusCode(200)
                .body("data.minimumQuantity", equalTo(5)).body("data.currentQuantity", equalTo(4));
        as(t).body(Map.of("minimum_quantity", 5)).put(s + "/EDGE/minimum").then().statusCode(200);
        as(t).body(Map.of("reorderPoint", 5, "reorderQuantity", 20)).put(s + "/EDGE/reorder").then().statusCode(200)
                .body("data.reorderPoint", equalTo(5)).body("data.reorderQuantity", equalTo(20));
        as(t).body(Map.of("reorder_point", 10, "reorder_quantity", 30)).put(s + "/FINE/reorder").then().statusCode(200);
        // Upsert: setting a threshold on an item never counted creates it at zero.
        as(t).body(Map.of("reorderPoint", 3, "reorderQuantity", 12)).put(s + "/NEW/reorder").then().statusCode(200)
                .body("data.currentQuantity", equalTo(0)).body("data.reorderPoint", equalTo(3));

        as(t).get(s + "/low").then().statusCode(200).body("operation", equalTo("get_low_stocks"))
                .body("data.data.itemCode", contains("LOW", "NEG"))
                .body("data.metadata.total", equalTo(2)).body("data.metadata.page", equalTo(1))
                .body("data.metadata.limit", equalTo(2));
        as(t).get(s + "/reorder-alerts").then().statusCode(200).body("operation", equalTo("get_reorder_alerts"))
                .body("data.data.itemCode", contains("EDGE", "NEW"))
                .body("data.metadata.total", equalTo(2));
        // A reorder point of 0 means none: an empty shelf with no reorder point raises nothing.
        as(t).body(Map.of("reorderPoint", 0, "reorderQuantity", 0)).put(s + "/NEW/reorder").then().statusCode(200);
        as(t).get(s + "/reorder-alerts").then().body("data.data.itemCode", equalTo(List.of("EDGE")));
    }

    @Test
    void terminalsReadButDoNotWrite() {
        String t = newTenant();
        adjust(t, "S1", "A", 7);
        asTerminal(t, "S1").get(stock(t, "S1") + "/A").then().statusCode(200).body("data.currentQuantity", equalTo(7));
        asTerminal(t, "S1").get(stock(t, "S1")).then().statusCode(200).body("data.metadata.total", equalTo(1));
        asTerminal(t, "S1").body(Map.of("quantityChange", -1, "updateType", "sale"))
                .put(stock(t, "S1") + "/A/update").then().statusCode(403).body("userError.code", equalTo("200002"));
        as(t).get(stock(t, "S1") + "/A").then().body("data.currentQuantity", equalTo(7));
    }
}
