package dev.kassa.cart.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.common.test.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kugel-flows.md §3 over HTTP with the contract's numbers, and the tranlog it publishes (§4). */
@QuarkusTest
class SaleFlowApiTest extends CartApiTestBase {
    static String tenant;
    static String token;

    @BeforeEach
    void setUp() {
        if (tenant == null) {
            tenant = newTenant();
            token = terminalToken(tenant, 9);
        }
    }

    @Test
    void saleFromCreateToBillWithTheContractsNumbers() {
        String token = terminalToken(tenant, 1);
        String cartId = createCart(token);

        as(token).get("/api/v1/carts/" + cartId).then().statusCode(200)
                .body("success", is(true))
                .body("data.cartId", equalTo(cartId))
                .body("data.cartStatus", equalTo("Idle"))
                .body("data.tenantId", equalTo(tenant))
                .body("data.storeCode", equalTo(STORE))
                .body("data.terminalNo", equalTo(1))
                .body("data.transactionNo", equalTo(-1))
                .body("data.receiptNo", equalTo(-1))
                .body("data.lineItems", hasSize(0))
                .body("data.staff.id", equalTo("S001"))
                .body("data.staff.name", equalTo("Staff1"));

        JsonPath added = addItem(token, cartId, "49-01", 2);
        assertEquals("EnteringItem", added.getString("data.cartStatus"));
        assertEquals(1, added.getInt("data.lineItems[0].lineNo"));
        assertEquals("49-01", added.getString("data.lineItems[0].itemCode"));
        assertEquals("Item1", added.getString("data.lineItems[0].itemName"));
        assertEquals("001", added.getString("data.lineItems[0].categoryCode"));
        assertEquals(100, added.getInt("data.lineItems[0].unitPrice"));
        assertFalse(added.getBoolean("data.lineItems[0].isUnitPriceChanged"));
        assertEquals(2, added.getInt("data.lineItems[0].quantity"));
        assertEquals(200, added.getInt("data.lineItems[0].amount"));
        assertEquals("01", added.getString("data.taxes[0].taxCode"));
        assertEquals("External", added.getString("data.taxes[0].taxType"));
        assertEquals(20, added.getInt("data.taxes[0].taxAmount"));
        assertEquals(200, added.getInt("data.taxes[0].targetAmount"));
        assertEquals(2, added.getInt("data.taxes[0].targetQuantity"));
        assertEquals(200, added.getInt("data.subtotalAmount"));
        assertEquals(200, added.getInt("data.totalAmount"));
        assertEquals(220, added.getInt("data.totalAmountWithTax"));
        assertEquals(220, added.getInt("data.balanceAmount"));
        assertEquals(2, added.getInt("data.totalQuantity"));

        assertEquals("Paying", post(token, cartId, "subtotal", null).getString("data.cartStatus"));

        JsonPath paid = post(token, cartId, "payments",
                List.of(Map.of("paymentCode", "01", "amount", 1000, "detail", "Cash payment")));
        assertEquals(1, paid.getInt("data.payments[0].paymentNo"));
        assertEquals("01", paid.getString("data.payments[0].paymentCode"));
        assertEquals("Cash", paid.getString("data.payments[0].paymentName"));
        assertEquals(220, paid.getInt("data.payments[0].paymentAmount"));
        assertEquals(1000, paid.getInt("data.depositAmount"));
        assertEquals(780, paid.getInt("data.changeAmount"));
        assertEquals(0, paid.getInt("data.balanceAmount"));

        JsonPath billed = post(token, cartId, "bill", null);
        assertEquals("Completed", billed.getString("data.cartStatus"));
        assertEquals(1, billed.getInt("data.transactionNo"));
        assertEquals(111111, billed.getInt("data.receiptNo"));
        assertTrue(billed.getString("data.receiptText").contains("Kassa Test Store"), billed.getString("data.receiptText"));
        assertTrue(billed.getString("data.journalText").length() > 0);

        // a second bill makes no second transaction
        as(token).post("/api/v1/carts/" + cartId + "/bill").then().statusCode(400)
                .body("success", is(false)).body("userError.code", equalTo("300004"));

        // the tranlog reaches pos.tranlog with the contract's fields
        JsonNode sale = tranlog(tenant, 1, 1);
        assertEquals("tranlog", sale.path("event_type").asText());
        assertEquals(STORE, sale.path("store_code").asText());
        assertEquals(1, sale.path("terminal_no").asInt());
        assertEquals(101, sale.path("transaction_type").asInt());
        assertEquals(111111, sale.path("receipt_no").asInt());
        assertEquals(BUSINESS_DATE, sale.path("business_date").asText());
        assertEquals(220, sale.path("sales").path("total_amount_with_tax").asInt());
        assertEquals(200, sale.path("sales").path("total_amount").asInt());
        assertEquals(20, sale.path("sales").path("tax_amount").asInt());
        assertEquals(780, sale.path("sales").path("change_amount").asInt());
        assertFalse(sale.path("sales").path("is_cancelled").asBoolean());
        assertEquals("49-01", sale.path("line_items").get(0).path("item_code").asText());
        assertEquals(220, sale.path("payments").get(0).path("amount").asInt());
        assertEquals("S001", sale.path("staff").path("id").asText());
        assertEquals(cartId, sale.path("additional_info").path("cart_id").asText(), sale.toString());
        assertFalse(sale.path("event_id").asText().isBlank());

        // the transactions API
        as(token).get(transactionsPath(tenant, 1) + "/1").then().statusCode(200)
                .body("data.transactionNo", equalTo(1))
                .body("data.transactionType", equalTo(101))
                .body("data.totalAmount", equalTo(220))
                .body("data.totalAmountWithTax", equalTo(220))
                .body("data.receiptNo", equalTo(111111))
                .body("data.changeAmount", equalTo(780))
                .body("data.status.isCancelled", is(false))
                .body("data.status.isVoided", is(false))
                .body("data.status.isRefunded", is(false));
    }

    @Test
    void cancelConsumesNumbersAndPublishesACancelledTranlog() {
        String cartId = createCart(token);
        addItem(token, cartId, "49-01", 1);
        JsonPath cancelled = post(token, cartId, "cancel", null);
        assertEquals("Cancelled", cancelled.getString("data.cartStatus"));
        int no = cancelled.getInt("data.transactionNo");
        assertTrue(no >= 1);

        JsonNode log = tranlog(tenant, 9, no);
        assertTrue(log.path("sales").path("is_cancelled").asBoolean());
        assertEquals(101, log.path("transaction_type").asInt());

        // hidden from the list by default, counted by the terminal close query
        as(token).get(transactionsPath(tenant, 9) + "?receipt_no=" + cancelled.getInt("data.receiptNo"))
                .then().statusCode(200).body("data", hasSize(0)).body("metadata.total", equalTo(0));
        as(token).get(transactionsPath(tenant, 9) + "?business_date=" + BUSINESS_DATE
                        + "&open_counter=1&include_cancelled=true&limit=1&sort=transaction_no:-1")
                .then().statusCode(200)
                .body("data", hasSize(1))
                .body("metadata.total", equalTo(no))
                .body("data[0].transactionNo", equalTo(no))
                .body("data[0].status.isCancelled", is(true));
    }

    @Test
    void aCartForACustomerCarriesTheCustomerInItsTranlog() {
        String cartId = as(token).body(Map.of("transaction_type", 101, "customer_code", "ASHA-1"))
                .post("/api/v1/carts").then().statusCode(201).extract().path("data.cartId");
        addItem(token, cartId, "49-01", 1);
        int no = post(token, cartId, "cancel", null).getInt("data.transactionNo");
        assertEquals("ASHA-1", tranlog(tenant, 9, no).path("additional_info").path("customer_code").asText());
        // a cart without a customer names none
        String plain = createCart(token);
        addItem(token, plain, "49-01", 1);
        int other = post(token, plain, "cancel", null).getInt("data.transactionNo");
        assertTrue(tranlog(tenant, 9, other).path("additional_info").path("customer_code").isMissingNode());
        as(token).body(Map.of("customer_code", "A\u0000B")).post("/api/v1/carts").then().statusCode(422);
    }

    /** The tranlog of one transaction, read from pos.tranlog. */
    static JsonNode tranlog(String tenant, int terminalNo, int transactionNo) {
        java.util.function.Predicate<JsonNode> match = j -> tenant.equals(j.path("tenant_id").asText())
                && j.path("terminal_no").asInt() == terminalNo && j.path("transaction_no").asInt() == transactionNo;
        return KafkaProbe.read("pos.tranlog", Duration.ofSeconds(30),
                        all -> all.stream().anyMatch(r -> match.test(KafkaProbe.json(r.value()))))
                .stream().map(r -> KafkaProbe.json(r.value())).filter(match).findFirst().orElseThrow();
    }

    @Test
    void createNeedsAnOpenedTerminalAndASignedInStaff() {
        as(terminalToken(tenant, 9, Map.of("status", "Closed"))).body(Map.of())
                .post("/api/v1/carts").then().statusCode(400).body("userError.code", equalTo("404001"));
        as(terminalToken(tenant, 9, Map.of("staff_id", ""))).body(Map.of())
                .post("/api/v1/carts").then().statusCode(400).body("userError.code", equalTo("404002"));
    }

    @Test
    void unknownItemIs404AndAnotherTerminalsCartIsNotFound() {
        String cartId = createCart(token);
        as(token).body(List.of(Map.of("itemCode", "no-such-item", "quantity", 1)))
                .post("/api/v1/carts/" + cartId + "/lineItems").then().statusCode(404)
                .body("success", is(false)).body("userError.code", equalTo("402001"));
        as(terminalToken(tenant, 8)).get("/api/v1/carts/" + cartId).then().statusCode(404)
                .body("userError.code", equalTo("401002"));
        as(token).get("/api/v1/carts/" + cartId).then().statusCode(200).body("data.lineItems", hasSize(0));
    }

    @Test
    void transactionListFiltersSortsAndRefusesUnknownSortFields() {
        as(token).get(transactionsPath(tenant, 9) + "?sort=nope:1").then().statusCode(400);
        as(dev.kassa.common.test.TestTokens.user(tenant, "admin", true))
                .get(transactionsPath(tenant, 9) + "?transaction_type=101&transaction_type=102&limit=5&page=1")
                .then().statusCode(200)
                .body("success", is(true))
                .body("metadata.page", equalTo(1))
                .body("metadata.limit", equalTo(5))
                .body("metadata.total", notNullValue());
        as(token).get("/api/v1/tenants/" + tenant + "/stores/" + STORE + "/terminals/7/transactions")
                .then().statusCode(403);
        as(token).get(transactionsPath(tenant, 9) + "/999999").then().statusCode(404);
    }

    @Test
    void tenantsAreProvisionedByUsersOnly() {
        as(token).body(Map.of("tenant_id", tenant)).post("/api/v1/tenants").then().statusCode(403);
        as(dev.kassa.common.test.TestTokens.user(tenant, "admin", true)).body(Map.of("tenant_id", tenant))
                .post("/api/v1/tenants").then().statusCode(201).body("data.tenantId", equalTo(tenant));
        as(dev.kassa.common.test.TestTokens.user(tenant, "admin", true)).get("/api/v1/cache/terminal/status")
                .then().statusCode(200).body("success", is(true));
        as(dev.kassa.common.test.TestTokens.user(tenant, "admin", true)).delete("/api/v1/cache/terminal")
                .then().statusCode(200).body("message", startsWith("Terminal cache"));
    }
}
