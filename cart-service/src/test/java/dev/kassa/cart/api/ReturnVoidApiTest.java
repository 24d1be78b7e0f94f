package dev.kassa.cart.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.common.test.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** kugel-flows.md §6: return and void of a stored sale, their flags, refusals, tranlogs and counters. */
@QuarkusTest
class ReturnVoidApiTest extends CartApiTestBase {

    /** The cart's business counters as /q/metrics shows them (0 before the first count). */
    private static Map<String, Double> businessCounters() {
        String text = io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        Map<String, Double> counters = new java.util.HashMap<>();
        for (String name : List.of("kassa_sales_total", "kassa_sales_amount_total", "kassa_returns_total",
                "kassa_voids_total")) {
            counters.put(name, text.lines().filter(l -> l.startsWith(name + " ")).findFirst()
                    .map(l -> Double.parseDouble(l.substring(name.length() + 1))).orElse(0.0));
        }
        return counters;
    }

    @Test
    void returnAndVoidWithTheContractsTypesFlagsAndRefusals() {
        String tenant = newTenant();
        String token = terminalToken(tenant, 9);
        String tx = transactionsPath(tenant, 9);
        Map<String, Double> before = businessCounters();
        post(token, paidCart(token), "bill", null);   // transaction 1: sale of 220
        List<Map<String, Object>> cash220 = List.of(Map.of("paymentCode", "01", "amount", 220));

        // return of the sale -> 102, new numbers, positive amounts, change 0; the sale is refunded
        as(token).body(cash220).post(tx + "/1/return").then().statusCode(200)
                .body("success", is(true))
                .body("data.transactionType", equalTo(102))
                .body("data.transactionNo", equalTo(2))
                .body("data.receiptNo", equalTo(111112))
                .body("data.totalAmount", equalTo(220))
                .body("data.changeAmount", equalTo(0));
        as(token).get(tx + "/1").then().statusCode(200).body("data.status.isRefunded", is(true))
                .body("data.status.isVoided", is(false));
        // a second return is refused
        as(token).body(cash220).post(tx + "/1/return").then().statusCode(400)
                .body("userError.code", equalTo("403006"));
        // voiding a returned sale is refused
        as(token).body(cash220).post(tx + "/1/void").then().statusCode(400)
                .body("userError.code", equalTo("403006"));

        // void of the return -> 202; the sale may be returned again
        as(token).body(cash220).post(tx + "/2/void").then().statusCode(200)
                .body("data.transactionType", equalTo(202)).body("data.transactionNo", equalTo(3));
        as(token).get(tx + "/2").then().body("data.status.isVoided", is(true));
        as(token).get(tx + "/1").then().body("data.status.isRefunded", is(false));
        as(token).body(cash220).post(tx + "/2/void").then().statusCode(400)
                .body("userError.code", equalTo("403005"));

        // void of the sale -> 201 with the original payments only
        as(token).body(List.of(Map.of("paymentCode", "11", "amount", 220))).post(tx + "/1/void").then()
                .statusCode(400);
        as(token).body(cash220).post(tx + "/1/void").then().statusCode(200)
                .body("data.transactionType", equalTo(201)).body("data.transactionNo", equalTo(4));
        as(token).get(tx + "/1").then().body("data.status.isVoided", is(true));
        as(token).body(cash220).post(tx + "/1/void").then().statusCode(400)
                .body("userError.code", equalTo("403005"));
        as(token).body(cash220).post(tx + "/1/return").then().statusCode(400)
                .body("userError.code", equalTo("403005"));

        // the terminal in the path must be the caller's
        as(terminalToken(tenant, 8)).body(cash220).post(tx + "/1/void").then().statusCode(422);

        // /q/metrics counted the sale, its amount, the return and the two voids; the refusals count nothing
        Map<String, Double> after = businessCounters();
        assertEquals(1, after.get("kassa_sales_total") - before.get("kassa_sales_total"));
        assertEquals(220, after.get("kassa_sales_amount_total") - before.get("kassa_sales_amount_total"));
        assertEquals(1, after.get("kassa_returns_total") - before.get("kassa_returns_total"));
        assertEquals(2, after.get("kassa_voids_total") - before.get("kassa_voids_total"));

        // each one published a tranlog with its type and origin
        List<JsonNode> logs = KafkaProbe.jsonWhere("pos.tranlog", "tenant_id", tenant, 4, Duration.ofSeconds(30));
        assertEquals(4, logs.size());
        JsonNode ret = byNo(logs, 2);
        assertEquals(102, ret.path("transaction_type").asInt());
        assertEquals(1, ret.path("origin").path("transaction_no").asInt());
        assertEquals(220, ret.path("sales").path("total_amount_with_tax").asInt());
        assertEquals(0, ret.path("sales").path("change_amount").asInt());
        assertEquals(220, ret.path("payments").get(0).path("amount").asInt());
        assertFalse(ret.path("event_id").asText().isBlank());
        assertEquals(202, byNo(logs, 3).path("transaction_type").asInt());
        assertEquals(2, byNo(logs, 3).path("origin").path("transaction_no").asInt());
        assertEquals(201, byNo(logs, 4).path("transaction_type").asInt());
        assertEquals(1, byNo(logs, 4).path("origin").path("transaction_no").asInt());
        assertEquals("49-01", byNo(logs, 4).path("line_items").get(0).path("item_code").asText());
    }

    private static JsonNode byNo(List<JsonNode> logs, int no) {
        return logs.stream().filter(l -> l.path("transaction_no").asInt() == no).findFirst().orElseThrow();
    }
}
