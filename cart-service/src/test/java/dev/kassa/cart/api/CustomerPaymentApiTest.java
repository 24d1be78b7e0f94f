package dev.kassa.cart.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.common.test.KassaInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Credit (31) and points (21) payments: held in the customer's ledger (the master-data double's
 * CustomerLedger, see {@link LedgerDouble}) before they are added, confirmed by the bill, released by
 * cancel and resume; refused beyond the limit, without a customer, or while the ledger is down. The
 * customer is named at create or attached to the open cart ({@code PUT/DELETE .../customer}), looked up
 * in the ledger, and cannot change while one of their holds is on the cart.
 */
@QuarkusTest
class CustomerPaymentApiTest extends CartApiTestBase {

    @Inject
    CircuitBreakerMaintenance breakers;

    String tenant;
    String token;

    @BeforeEach
    void terminal() {
        tenant = newTenant();
        token = terminalToken(tenant, 9);
    }

    @AfterEach
    void restore() {
        LedgerDouble.bringUp();
        breakers.resetAll();
    }

    private String customerCart(String customer, int quantity) {
        String cartId = as(token).body(Map.of("transaction_type", 101, "customer_code", customer))
                .post("/api/v1/carts").then().statusCode(201).extract().path("data.cartId");
        addItem(token, cartId, "49-01", quantity); // 100 + 10 % tax each
        post(token, cartId, "subtotal", null);
        return cartId;
    }

    private static JsonPath ledger(String customer) {
        return given().get(ConfigProvider.getConfig().getValue("quarkus.rest-client.masterdata.url", String.class)
                + "/test/ledger/" + customer).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void creditWithinTheLimitIsHeldThenConfirmedByTheBillAndTheTranlogNamesTheHold() {
        String customer = "CR500-" + UUID.randomUUID();
        String cartId = customerCart(customer, 2);
        JsonPath paid = post(token, cartId, "payments", List.of(Map.of("paymentCode", "31", "amount", 220)));
        assertEquals(0, paid.getInt("data.balanceAmount"));
        assertEquals("Credit", paid.getString("data.payments[0].paymentName"));
        String detail = paid.getString("data.payments[0].paymentDetail");
        JsonPath held = ledger(customer);
        assertEquals(220, held.getInt("held"));
        assertEquals("reservation:" + held.getString("holds[0].id"), detail);
        assertEquals("reserved", held.getString("holds[0].status"));
        assertEquals(cartId, held.getString("holds[0].cartId"));
        assertTrue(held.getBoolean("holds[0].authorized"), "the terminal's credentials are passed on");

        int no = post(token, cartId, "bill", null).getInt("data.transactionNo");
        assertEquals("confirmed", ledger(customer).getString("holds[0].status"));
        JsonNode tranlog = SaleFlowApiTest.tranlog(tenant, 9, no);
        assertEquals(customer, tranlog.path("additional_info").path("customer_code").asText());
        assertEquals("31", tranlog.path("payments").get(0).path("payment_code").asText());
        assertEquals(detail, tranlog.path("payments").get(0).path("detail").asText());
        assertEquals(220, tranlog.path("payments").get(0).path("amount").asInt());

        // the limit counts what is held: 280 of the 500 are left
        String next = customerCart(customer, 3); // 330
        as(token).body(List.of(Map.of("paymentCode", "31", "amount", 330)))
                .post("/api/v1/carts/" + next + "/payments").then().statusCode(400)
                .body("success", is(false)).body("userError.code", equalTo("403008"));
        post(token, next, "payments", List.of(Map.of("paymentCode", "31", "amount", 280),
                Map.of("paymentCode", "01", "amount", 50)));
        assertEquals(500, ledger(customer).getInt("held"));
    }

    @Test
    void beyondTheLimitIsRefusedAndTheCartIsUnchanged() {
        String customer = "CR200-" + UUID.randomUUID();
        String cartId = customerCart(customer, 2); // 220
        as(token).body(List.of(Map.of("paymentCode", "31", "amount", 220)))
                .post("/api/v1/carts/" + cartId + "/payments").then().statusCode(400)
                .body("success", is(false)).body("userError.code", equalTo("403008"));
        // a cash payment in the same request is refused with it
        as(token).body(List.of(Map.of("paymentCode", "01", "amount", 10), Map.of("paymentCode", "31", "amount", 210)))
                .post("/api/v1/carts/" + cartId + "/payments").then().statusCode(400)
                .body("userError.code", equalTo("403008"));
        as(token).get("/api/v1/carts/" + cartId).then().statusCode(200)
                .body("data.payments", hasSize(0)).body("data.balanceAmount", equalTo(220));
        assertEquals(0, ledger(customer).getInt("held"));
        assertEquals(0, ledger(customer).getList("holds").size());
        // a rule of the cart is checked before anything is held: more than the balance is 406
        as(token).body(List.of(Map.of("paymentCode", "31", "amount", 221)))
                .post("/api/v1/carts/" + cartId + "/payments").then().statusCode(406)
                .body("userError.code", equalTo("403004"));
        assertEquals(0, ledger(customer).getList("holds").size());
    }

    @Test
    void creditAndPointsNeedACustomerOnTheCart() {
        String cartId = createCart(token);
        addItem(token, cartId, "49-01", 1);
        post(token, cartId, "subtotal", null);
        for (String code : List.of("31", "21")) {
            as(token).body(List.of(Map.of("paymentCode", code, "amount", 110)))
                    .post("/api/v1/carts/" + cartId + "/payments").then().statusCode(400)
                    .body("success", is(false)).body("userError.code", equalTo("403007"));
        }
        as(token).get("/api/v1/carts/" + cartId).then().statusCode(200).body("data.payments", hasSize(0));
    }

    @Test
    void ledgerDownIs503WithTheCartUnchangedAndCashStillWorks() {
        String customer = "CR900-" + UUID.randomUUID();
        String cartId = customerCart(customer, 2);
        LedgerDouble.takeDown();
        // open the breaker, then it answers at once
        for (int i = 0; i < 4; i++) {
            as(token).body(List.of(Map.of("paymentCode", "31", "amount", 220)))
                    .post("/api/v1/carts/" + cartId + "/payments").then().statusCode(503)
                    .body("success", is(false)).body("userError.code", equalTo("601002"));
        }
        long start = System.nanoTime();
        as(token).body(List.of(Map.of("paymentCode", "31", "amount", 220)))
                .post("/api/v1/carts/" + cartId + "/payments").then().statusCode(503)
                .body("userError.code", equalTo("601002"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 1500, "credit payment with the breaker open took " + millis + " ms");
        as(token).get("/api/v1/carts/" + cartId).then().statusCode(200).body("data.payments", hasSize(0));

        post(token, cartId, "payments", List.of(Map.of("paymentCode", "01", "amount", 500)));
        post(token, cartId, "bill", null);
        as(token).get("/api/v1/carts/" + cartId).then().body("data.cartStatus", equalTo("Completed"));
        LedgerDouble.bringUp();
        assertEquals(0, ledger(customer).getList("holds").size());
    }

    @Test
    void cancelAndResumeReleaseTheirHolds() {
        String customer = "CR1000-" + UUID.randomUUID();
        String cartId = customerCart(customer, 2);
        post(token, cartId, "payments", List.of(Map.of("paymentCode", "31", "amount", 100)));
        assertEquals(100, ledger(customer).getInt("held"));
        post(token, cartId, "resume-item-entry", null);
        assertEquals(0, ledger(customer).getInt("held"));
        assertEquals("released", ledger(customer).getString("holds[0].status"));

        post(token, cartId, "subtotal", null);
        post(token, cartId, "payments", List.of(Map.of("paymentCode", "31", "amount", 120)));
        assertEquals(120, ledger(customer).getInt("held"));
        int no = post(token, cartId, "cancel", null).getInt("data.transactionNo");
        assertEquals(0, ledger(customer).getInt("held"));
        assertEquals(List.of("released", "released"), ledger(customer).getList("holds.status"));
        JsonNode tranlog = SaleFlowApiTest.tranlog(tenant, 9, no);
        assertTrue(tranlog.path("sales").path("is_cancelled").asBoolean());
    }

    @Test
    void aBillThatCannotStoreItsTransactionReleasesTheHoldsAndReturnsTheCartToItemEntry() throws Exception {
        String customer = "CR1000-" + UUID.randomUUID();
        String cartId = customerCart(customer, 2);
        post(token, cartId, "payments", List.of(Map.of("paymentCode", "31", "amount", 220)));
        Map<String, String> pg = KassaInfra.config("cart");
        try (Connection c = DriverManager.getConnection(pg.get("quarkus.datasource.jdbc.url"),
                pg.get("quarkus.datasource.username"), pg.get("quarkus.datasource.password"));
             Statement s = c.createStatement()) {
            // this tenant's transactions cannot be stored
            s.execute("ALTER TABLE \"t_" + tenant + "\".tran ADD CONSTRAINT test_no_sales CHECK (false) NOT VALID");
            Response failed = as(token).post("/api/v1/carts/" + cartId + "/bill");
            assertTrue(failed.statusCode() >= 500, failed.asString());
            failed.then().body("success", is(false));
            s.execute("ALTER TABLE \"t_" + tenant + "\".tran DROP CONSTRAINT test_no_sales");
        }
        assertEquals(0, ledger(customer).getInt("held"));
        assertEquals("released", ledger(customer).getString("holds[0].status"));
        as(token).get("/api/v1/carts/" + cartId).then().statusCode(200)
                .body("data.cartStatus", equalTo("EnteringItem")).body("data.payments", hasSize(0));
        // the terminal tenders again and the sale goes through on a new hold
        post(token, cartId, "subtotal", null);
        post(token, cartId, "payments", List.of(Map.of("paymentCode", "31", "amount", 220)));
        post(token, cartId, "bill", null);
        assertEquals(List.of("released", "confirmed"), ledger(customer).getList("holds.status"));
    }

    @Test
    void pointsAreHeldInPointsAtTheTenantsPointValue() {
        String customer = "PT60-" + UUID.randomUUID(); // 60 points, worth 2 each (the double's setting)
        String cartId = customerCart(customer, 2); // 220
        as(token).body(List.of(Map.of("paymentCode", "21", "amount", 140))) // 70 points
                .post("/api/v1/carts/" + cartId + "/payments").then().statusCode(400)
                .body("userError.code", equalTo("403008"));
        JsonPath paid = post(token, cartId, "payments", List.of(Map.of("paymentCode", "21", "amount", 120),
                Map.of("paymentCode", "01", "amount", 100)));
        assertEquals("Points", paid.getString("data.payments[0].paymentName"));
        JsonPath held = ledger(customer);
        assertEquals(60, held.getInt("held"));
        assertEquals("points", held.getString("holds[0].ledger"));
        assertEquals("reservation:" + held.getString("holds[0].id"), paid.getString("data.payments[0].paymentDetail"));
        int no = post(token, cartId, "bill", null).getInt("data.transactionNo");
        assertEquals("confirmed", ledger(customer).getString("holds[0].status"));
        JsonNode tranlog = SaleFlowApiTest.tranlog(tenant, 9, no);
        assertEquals(120, tranlog.path("payments").get(0).path("amount").asInt());
        assertEquals("reservation:" + held.getString("holds[0].id"), tranlog.path("payments").get(0).path("detail").asText());
    }

    private static Response attach(String token, String cartId, String customer) {
        return as(token).body(Map.of("customer_code", customer)).put("/api/v1/carts/" + cartId + "/customer");
    }

    @Test
    void aCustomerAttachedToAnOpenCartPaysByPointsAndTheTranlogNamesThem() {
        String customer = "PT60-" + UUID.randomUUID(); // 60 points, worth 2 each
        String cartId = createCart(token);
        addItem(token, cartId, "49-01", 2); // 220
        attach(token, cartId, customer).then().statusCode(200).body("success", is(true))
                .body("operation", equalTo("attach_customer"))
                .body("data.cartStatus", equalTo("EnteringItem"))
                .body("data.customer.customerCode", equalTo(customer))
                .body("data.customer.name", equalTo("Customer " + customer))
                .body("data.customer.loyaltyTier", equalTo("gold"))
                .body("data.customer.pointsAvailable", equalTo(60))
                .body("data.totalAmountWithTax", equalTo(220));
        // the same customer again changes nothing
        attach(token, cartId, customer).then().statusCode(200).body("data.customer.customerCode", equalTo(customer))
                .body("data.lineItems", hasSize(1));

        post(token, cartId, "subtotal", null);
        JsonPath paid = post(token, cartId, "payments", List.of(Map.of("paymentCode", "21", "amount", 120),
                Map.of("paymentCode", "01", "amount", 100)));
        JsonPath held = ledger(customer);
        assertEquals(60, held.getInt("held"));
        assertEquals(cartId, held.getString("holds[0].cartId"));
        assertEquals("reservation:" + held.getString("holds[0].id"), paid.getString("data.payments[0].paymentDetail"));
        int no = post(token, cartId, "bill", null).getInt("data.transactionNo");
        assertEquals("confirmed", ledger(customer).getString("holds[0].status"));
        JsonNode tranlog = SaleFlowApiTest.tranlog(tenant, 9, no);
        assertEquals(customer, tranlog.path("additional_info").path("customer_code").asText());
        // a finished cart keeps its customer
        attach(token, cartId, "PT5-" + UUID.randomUUID()).then().statusCode(400).body("userError.code", equalTo("300004"));
        as(token).delete("/api/v1/carts/" + cartId + "/customer").then().statusCode(400)
                .body("userError.code", equalTo("300004"));
    }

    @Test
    void anUnknownOrErasedCustomerIsNotFoundAndOtherTerminalsCannotReachTheCart() {
        String customer = "CR500-" + UUID.randomUUID();
        String cartId = createCart(token);
        attach(token, cartId, customer).then().statusCode(200).body("data.customer.creditAvailable", equalTo(500));
        for (String unknown : List.of("NOBODY-" + UUID.randomUUID(), "GONE-" + UUID.randomUUID())) {
            attach(token, cartId, unknown).then().statusCode(404).body("success", is(false))
                    .body("userError.code", equalTo("100001"))
                    .body("userError.message", equalTo("Customer not found: " + unknown));
        }
        attach(token, cartId, " ").then().statusCode(422).body("success", is(false));
        as(token).body(Map.of()).put("/api/v1/carts/" + cartId + "/customer").then().statusCode(422);
        // another terminal of the tenant, and terminal 9 of another tenant, do not find the cart
        String otherTenant = terminalToken(newTenant(), 9);
        for (String other : List.of(terminalToken(tenant, 8), otherTenant)) {
            attach(other, cartId, "CR100-" + UUID.randomUUID()).then().statusCode(404)
                    .body("userError.code", equalTo("401002"));
            as(other).delete("/api/v1/carts/" + cartId + "/customer").then().statusCode(404)
                    .body("userError.code", equalTo("401002"));
        }
        as(token).get("/api/v1/carts/" + cartId).then().statusCode(200)
                .body("data.customer.customerCode", equalTo(customer)).body("data.cartStatus", equalTo("Idle"));
    }

    @Test
    void theCustomerCannotChangeWhileTheirCreditIsHeld() {
        String customer = "CR500-" + UUID.randomUUID();
        String cartId = customerCart(customer, 2); // named at create: only the code is shown
        as(token).get("/api/v1/carts/" + cartId).then().body("data.customer.customerCode", equalTo(customer))
                .body("data.customer.name", nullValue());
        post(token, cartId, "payments", List.of(Map.of("paymentCode", "31", "amount", 100)));
        as(token).delete("/api/v1/carts/" + cartId + "/customer").then().statusCode(400).body("success", is(false))
                .body("userError.code", equalTo("300004"))
                .body("userError.message", containsString("resume item entry first"));
        attach(token, cartId, "CR900-" + UUID.randomUUID()).then().statusCode(400)
                .body("userError.code", equalTo("300004"));
        attach(token, cartId, customer).then().statusCode(200); // the same customer: nothing changes
        as(token).get("/api/v1/carts/" + cartId).then().statusCode(200)
                .body("data.customer.customerCode", equalTo(customer)).body("data.payments", hasSize(1));
        assertEquals(100, ledger(customer).getInt("held"));

        post(token, cartId, "resume-item-entry", null); // releases the hold
        as(token).delete("/api/v1/carts/" + cartId + "/customer").then().statusCode(200)
                .body("operation", equalTo("detach_customer"))
                .body("data.customer", nullValue()).body("data.cartStatus", equalTo("EnteringItem"));
        post(token, cartId, "subtotal", null);
        as(token).body(List.of(Map.of("paymentCode", "31", "amount", 220)))
                .post("/api/v1/carts/" + cartId + "/payments").then().statusCode(400)
                .body("userError.code", equalTo("403007"))
                .body("userError.message", containsString("needs a customer"));
        assertEquals(0, ledger(customer).getInt("held"));
    }

    @Test
    void anAttachIsAppliedOnceUnderItsIdempotencyKey() {
        String customer = "CR300-" + UUID.randomUUID();
        String cartId = createCart(token);
        String key = UUID.randomUUID().toString();
        Response first = as(token).header("Idempotency-Key", key).body(Map.of("customer_code", customer))
                .put("/api/v1/carts/" + cartId + "/customer");
        first.then().statusCode(200).body("data.customer.customerCode", equalTo(customer));
        as(token).delete("/api/v1/carts/" + cartId + "/customer").then().statusCode(200);
        Response again = as(token).header("Idempotency-Key", key).body(Map.of("customer_code", customer))
                .put("/api/v1/carts/" + cartId + "/customer");
        again.then().statusCode(200).header("Idempotent-Replayed", "true");
        assertEquals(first.jsonPath().getString("data.customer.customerCode"),
                again.jsonPath().getString("data.customer.customerCode"));
        as(token).get("/api/v1/carts/" + cartId).then().body("data.customer", nullValue());
    }

    @Test
    void ledgerDownIs503WhenAttachingAndTheCartKeepsItsCustomer() {
        String customer = "CR500-" + UUID.randomUUID();
        String cartId = createCart(token);
        attach(token, cartId, customer).then().statusCode(200);
        LedgerDouble.takeDown();
        attach(token, cartId, "CR900-" + UUID.randomUUID()).then().statusCode(503).body("success", is(false))
                .body("userError.code", equalTo("601002"));
        as(token).get("/api/v1/carts/" + cartId).then().statusCode(200)
                .body("data.customer.customerCode", equalTo(customer)).body("data.customer.creditAvailable", equalTo(500));
        // removing a customer looks nothing up
        as(token).delete("/api/v1/carts/" + cartId + "/customer").then().statusCode(200)
                .body("data.customer", nullValue());
    }
}
