package dev.kassa.cart.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.common.test.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Offline sales: a batch uploaded twice gives one transaction and one tranlog per sale; unknown items and
 * changed prices are kept as sold and flagged; a sale the cart cannot take is rejected alone.
 */
@QuarkusTest
class OfflineSaleApiTest extends CartApiTestBase {
    static final String UPLOAD = "/api/v1/carts/offline-sales";

    static Map<String, Object> sale(String id, String localTime, List<Map<String, Object>> lines, Object paid) {
        Map<String, Object> sale = new HashMap<>();
        sale.put("clientSaleId", id);
        sale.put("localTime", localTime);
        sale.put("lines", lines);
        sale.put("payments", List.of(Map.of("paymentCode", "01", "amount", paid)));
        return sale;
    }

    static Map<String, Object> line(String itemCode, int quantity, Object unitPrice) {
        return Map.of("itemCode", itemCode, "quantity", quantity, "unitPrice", unitPrice);
    }

    @Test
    void aBatchUploadedTwiceGivesOneTransactionAndOneTranlogPerSale() {
        String tenant = newTenant();
        String token = terminalToken(tenant, 6);
        String known = UUID.randomUUID().toString();
        String unknown = UUID.randomUUID().toString();
        String repriced = UUID.randomUUID().toString();
        String short_ = UUID.randomUUID().toString();
        List<Map<String, Object>> sales = List.of(
                sale(known, "2025-12-31T23:50:00+09:00", List.of(line("49-01", 2, 100)), 220),
                sale(unknown, "2026-01-01T08:00:00+09:00",
                        List.of(Map.of("itemCode", "ZZ-404", "quantity", 1, "unitPrice", 50, "itemName", "Loose tea")), 50),
                sale(repriced, "2026-01-01T08:05:00+09:00", List.of(line("49-01", 1, 90)), 100),
                sale(short_, "2026-01-01T08:10:00+09:00", List.of(line("49-01", 1, 100)), 50));

        Response first = as(token).body(Map.of("sales", sales)).post(UPLOAD);
        assertEquals(200, first.statusCode(), first.asString());
        JsonPath r = first.jsonPath();
        assertEquals(3, r.getInt("data.accepted"));
        assertEquals(2, r.getInt("data.flagged"));
        assertEquals(1, r.getInt("data.rejected"));
        // numbered at upload in the batch's order; the business date is the terminal's, the time the sale's
        assertEquals(List.of(1, 2, 3), r.getList("data.sales.transactionNo").subList(0, 3));
        assertEquals(List.of(111111, 111112, 111113), r.getList("data.sales.receiptNo").subList(0, 3));
        assertEquals(BUSINESS_DATE, r.getString("data.sales[0].businessDate"));
        assertEquals("2025-12-31T23:50:00+09:00", r.getString("data.sales[0].generateDateTime"));
        assertEquals(220, r.getInt("data.sales[0].totalAmountWithTax"));
        assertEquals(false, r.getBoolean("data.sales[0].needsReview"));
        assertEquals(50, r.getInt("data.sales[1].totalAmountWithTax")); // unknown item: tax exempt, as sold
        assertEquals(List.of("unknown_item:ZZ-404"), r.getList("data.sales[1].reviewReasons"));
        assertEquals(99, r.getInt("data.sales[2].totalAmountWithTax")); // 90 + 10 % external tax
        assertEquals(List.of("price_differs:49-01:100"), r.getList("data.sales[2].reviewReasons"));
        assertEquals("rejected", r.getString("data.sales[3].status"));
        assertEquals("403002", r.getString("data.sales[3].error.code")); // the payments do not cover it
        assertEquals(short_, r.getString("data.sales[3].clientSaleId"));

        // the same batch again: the same answer, nothing new
        Response second = as(token).body(Map.of("sales", sales)).post(UPLOAD);
        assertEquals(200, second.statusCode(), second.asString());
        assertEquals(first.asString(), second.asString());
        as(token).get(transactionsPath(tenant, 6) + "?include_cancelled=true").then().statusCode(200)
                .body("metadata.total", equalTo(3));
        // the flagged ones, for review
        as(token).get(transactionsPath(tenant, 6) + "?needs_review=true&sort=transaction_no:1").then()
                .statusCode(200).body("metadata.total", equalTo(2))
                .body("data.transactionNo", equalTo(List.of(2, 3)));

        // another terminal cannot take this terminal's sale id; another tenant's ids are its own
        as(terminalToken(tenant, 7)).body(Map.of("sales", List.of(sales.get(0)))).post(UPLOAD).then()
                .statusCode(200).body("data.rejected", equalTo(1))
                .body("data.sales[0].error.status", equalTo(400))
                .body("data.sales[0].error.code", equalTo("500005"));
        String otherTenant = newTenant();
        as(terminalToken(otherTenant, 6)).body(Map.of("sales", List.of(sales.get(0)))).post(UPLOAD).then()
                .statusCode(200).body("data.accepted", equalTo(1)).body("data.sales[0].transactionNo", equalTo(1));

        // a later sale of the terminal: once its tranlog is on the topic, every earlier one is too
        String later = UUID.randomUUID().toString();
        as(token).body(Map.of("sales", List.of(sale(later, "2026-01-01T09:00:00+09:00",
                List.of(line("49-01", 1, 100)), 110)))).post(UPLOAD).then().statusCode(200)
                .body("data.sales[0].transactionNo", equalTo(4));
        List<JsonNode> tranlogs = new ArrayList<>();
        for (ConsumerRecord<String, String> rec : KafkaProbe.read("pos.tranlog", Duration.ofSeconds(30),
                all -> all.stream().anyMatch(x -> x.value().contains(later)))) {
            JsonNode t = KafkaProbe.json(rec.value());
            if (tenant.equals(t.path("tenant_id").asText())) {
                tranlogs.add(t);
            }
        }
        assertEquals(4, tranlogs.size(), "one tranlog per accepted sale, none for the repeat: " + tranlogs);
        for (String id : List.of(known, unknown, repriced, later)) {
            assertEquals(1, tranlogs.stream()
                    .filter(t -> id.equals(t.path("additional_info").path("offline_sale_id").asText())).count(), id);
        }
        JsonNode unknownLog = tranlogs.stream()
                .filter(t -> unknown.equals(t.path("additional_info").path("offline_sale_id").asText()))
                .findFirst().orElseThrow();
        assertEquals(2, unknownLog.path("transaction_no").asInt());
        assertEquals(BUSINESS_DATE, unknownLog.path("business_date").asText());
        assertEquals("2026-01-01T08:00:00+09:00", unknownLog.path("generate_date_time").asText());
        assertEquals("ZZ-404", unknownLog.path("line_items").get(0).path("item_code").asText());
        assertEquals("Loose tea", unknownLog.path("line_items").get(0).path("item_name").asText());
        assertEquals("00", unknownLog.path("line_items").get(0).path("tax_code").asText());
        assertEquals(50, unknownLog.path("sales").path("total_amount_with_tax").asInt());
        assertEquals("unknown_item:ZZ-404", unknownLog.path("additional_info").path("review_reasons").get(0).asText());
        assertTrue(unknownLog.path("receipt_text").asText().contains("Loose tea"));
    }

    @Test
    void aCustomersOfflineSaleCarriesTheCustomerAndCreditTakenOfflineIsFlagged() {
        String tenant = newTenant();
        String token = terminalToken(tenant, 9);
        String onCredit = UUID.randomUUID().toString();
        String noCustomer = UUID.randomUUID().toString();
        Map<String, Object> credit = new HashMap<>(sale(onCredit, "2026-01-01T08:00:00+09:00",
                List.of(line("49-01", 2, 100)), 220));
        credit.put("customerCode", "C-OFF-1");
        // a forged hold in the detail is dropped: an offline payment names no reservation
        credit.put("payments", List.of(Map.of("paymentCode", "31", "amount", 200, "detail", "reservation:someone-elses"),
                Map.of("paymentCode", "01", "amount", 20)));
        Map<String, Object> anonymous = new HashMap<>(sale(noCustomer, "2026-01-01T08:05:00+09:00",
                List.of(line("49-01", 1, 100)), 110));
        anonymous.put("payments", List.of(Map.of("paymentCode", "31", "amount", 110)));

        JsonPath r = as(token).body(Map.of("sales", List.of(credit, anonymous))).post(UPLOAD).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, r.getInt("data.accepted"));
        assertEquals(1, r.getInt("data.flagged"));
        assertEquals(List.of("unchecked_credit:31"), r.getList("data.sales[0].reviewReasons"));
        assertEquals("rejected", r.getString("data.sales[1].status"));
        assertEquals("403007", r.getString("data.sales[1].error.code")); // credit needs a customer

        JsonNode tranlog = null;
        for (ConsumerRecord<String, String> rec : KafkaProbe.read("pos.tranlog", Duration.ofSeconds(30),
                all -> all.stream().anyMatch(x -> x.value().contains(onCredit)))) {
            JsonNode t = KafkaProbe.json(rec.value());
            if (onCredit.equals(t.path("additional_info").path("offline_sale_id").asText())) {
                tranlog = t;
            }
        }
        assertTrue(tranlog != null, "the offline credit sale's tranlog");
        assertEquals("C-OFF-1", tranlog.path("additional_info").path("customer_code").asText());
        assertEquals("31", tranlog.path("payments").get(0).path("payment_code").asText());
        assertEquals(200, tranlog.path("payments").get(0).path("amount").asInt());
        assertTrue(tranlog.path("payments").get(0).path("detail").asText("").isEmpty(), tranlog.toString());
    }

    @Test
    void aBadBatchIsRefusedWholeAndChangesNothing() {
        String tenant = newTenant();
        String token = terminalToken(tenant, 8);
        Map<String, Object> good = sale(UUID.randomUUID().toString(), "2026-01-01T08:00:00+09:00",
                List.of(line("49-01", 1, 100)), 110);
        as(token).body(Map.of("sales", List.of(good, sale("not-a-uuid", "2026-01-01T08:00:00+09:00",
                List.of(line("49-01", 1, 100)), 110)))).post(UPLOAD).then().statusCode(422)
                .body("userError.code", equalTo("300001"));
        as(token).body(Map.of("sales", List.of(good, sale(UUID.randomUUID().toString(), "yesterday",
                List.of(line("49-01", 1, 100)), 110)))).post(UPLOAD).then().statusCode(422);
        as(token).body(Map.of("sales", List.of())).post(UPLOAD).then().statusCode(422);
        List<Map<String, Object>> tooMany = IntStream.range(0, 1001).mapToObj(i -> good).toList();
        as(token).body(Map.of("sales", tooMany)).post(UPLOAD).then().statusCode(422);
        // a closed terminal cannot upload (its business day is the one the sales are booked on)
        as(terminalToken(tenant, 8, Map.of("status", "Closed"))).body(Map.of("sales", List.of(good)))
                .post(UPLOAD).then().statusCode(400).body("success", equalTo(false));
        // a user token is not a terminal
        as(dev.kassa.common.test.TestTokens.user(tenant, "admin", true)).body(Map.of("sales", List.of(good)))
                .post(UPLOAD).then().statusCode(403);
        as(token).get(transactionsPath(tenant, 8) + "?include_cancelled=true").then().statusCode(200)
                .body("metadata.total", equalTo(0)).body("data", hasSize(0));
    }
}
