package dev.kassa.masterdata;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.masterdata.grpc.v1.CustomerReply;
import dev.kassa.masterdata.grpc.v1.CustomerRequest;
import dev.kassa.masterdata.grpc.v1.ReservationReply;
import dev.kassa.masterdata.grpc.v1.ReserveRequest;
import dev.kassa.masterdata.service.LedgerService;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The customer ledgers end to end: reservations over gRPC as terminals make them, sales, returns and
 * repayments posted from pos.tranlog and the API, and the reports, against hand-computed figures.
 */
@QuarkusTest
class CustomerLedgerTest extends LedgerTestBase {
    static final String AS_OF = "20260601";

    /**
     * A customer's day (the figures by hand). Rule: one point per 100 of sales, a point is worth 1.
     * Limit 1000.
     * <pre>
     *  S0 2026-02-21 (100 days before)  100 on credit             owes 100   points +1  = 1
     *  S1 2026-04-17 ( 45 days)        1250 cash                   owes 100   points +12 = 13
     *  S2 2026-04-22 ( 40 days)         300 = 10 points + 290 credit  owes 390  points -10 +3 = 6
     *     611 more credit refused (available 1000 - 390 = 610)
     *  S3 2026-05-27 (  5 days)         500 on credit             owes 890   points +5  = 11
     *     repayment 50                                             owes 840
     *  R3 2026-05-30 return of S3, 500 back to credit              owes 340   points -5  = 6
     * Ageing as of 2026-06-01, first in first out: the repayment of 50 settled S0's oldest debt
     * (50 of 100 left), the return cancelled S3: 0-30: 0, 31-60: 290 (S2), 61-90: 0, 90+: 50 (S0).
     * </pre>
     */
    @Test
    void aCustomersDay() {
        String t = provisioned();
        String user = userToken(t);
        setting(t, "loyalty_amount_per_point", "100");
        setting(t, "loyalty_point_value", "1");
        customer(t, "ASHA", 1000);
        String store = "S1";

        ReservationReply r0 = reserve(t, store, 1, "ASHA", "credit", 100);
        assertEquals("confirmed", confirm(t, store, 1, r0.getReservationId()).getStatus());
        Map<String, Object> s0 = sale(t, store, 1, 10, "20260221", "ASHA", 100, payment(1, CREDIT, 100, r0.getReservationId()));
        Map<String, Object> s1 = sale(t, store, 1, 11, "20260417", "ASHA", 1250, payment(1, CASH, 1250, null));
        tranlog(s0, s1);
        awaitLedger(t, "ASHA", "pointsBalance", 13);
        JsonPath after1 = ledger(t, "ASHA");
        assertEquals(100, after1.getInt("data.creditBalance"));
        assertEquals(0, after1.getInt("data.creditReserved"));

        // S2 at terminal 2: 10 points and 290 on credit, both held first
        ReservationReply p2 = reserve(t, store, 2, "ASHA", "points", 10);
        ReservationReply r2 = reserve(t, store, 2, "ASHA", "credit", 290);
        assertEquals(3, ledger(t, "ASHA").getInt("data.pointsAvailable"));
        assertEquals(610, ledger(t, "ASHA").getInt("data.creditAvailable"));
        confirm(t, store, 2, p2.getReservationId());
        confirm(t, store, 2, r2.getReservationId());
        Map<String, Object> s2 = sale(t, store, 2, 20, "20260422", "ASHA", 300,
                payment(1, POINTS, 10, p2.getReservationId()), payment(2, CREDIT, 290, r2.getReservationId()));
        tranlog(s2);
        awaitLedger(t, "ASHA", "creditBalance", 390);
        awaitLedger(t, "ASHA", "pointsBalance", 6);

        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
                () -> reserve(t, store, 1, "ASHA", "credit", 611));
        assertEquals(Status.Code.FAILED_PRECONDITION, refused.getStatus().getCode());
        assertTrue(refused.getStatus().getDescription().contains("610"), refused.getStatus().getDescription());
        assertEquals(Status.Code.FAILED_PRECONDITION, assertThrows(StatusRuntimeException.class,
                () -> reserve(t, store, 1, "ASHA", "points", 7)).getStatus().getCode());

        ReservationReply r3 = reserve(t, store, 1, "ASHA", "credit", 500);
        confirm(t, store, 1, r3.getReservationId());
        Map<String, Object> s3 = sale(t, store, 1, 12, "20260527", "ASHA", 500, payment(1, CREDIT, 500, r3.getReservationId()));
        tranlog(s3);
        awaitLedger(t, "ASHA", "creditBalance", 890);
        awaitLedger(t, "ASHA", "pointsBalance", 11);

        ok(as(user).body(Map.of("amount", 50, "reference", "cash at counter", "storeCode", store)).post("/api/v1/tenants/" + t
                + "/customers/ASHA/credit/repayments").then(), 201, "create_credit_repayment")
                .body("data.creditBalance", equalTo(840))
                .body("data.creditAvailable", equalTo(160));
        error(as(user).body(Map.of("amount", 841, "storeCode", store)).post("/api/v1/tenants/" + t
                + "/customers/ASHA/credit/repayments").then(), 400, "405306");
        error(as(user).body(Map.of("amount", 0, "storeCode", store)).post("/api/v1/tenants/" + t
                + "/customers/ASHA/credit/repayments").then(), 422, "300001");

        Map<String, Object> r3return = reversal(s3, 102, 13, "20260530", payment(1, CREDIT, 500, null));
        tranlog(r3return);
        awaitLedger(t, "ASHA", "creditBalance", 340);
        awaitLedger(t, "ASHA", "pointsBalance", 6);
        JsonPath end = ledger(t, "ASHA");
        assertEquals(0, end.getInt("data.creditReserved"));
        assertEquals(0, end.getInt("data.pointsReserved"));
        assertEquals(660, end.getInt("data.creditAvailable"));
        assertReconciled(t, "ASHA");

        ok(as(user).queryParam("as_of", AS_OF).get("/api/v1/tenants/" + t + "/reports/customers/credit-ageing").then(),
                200, "get_credit_ageing")
                .body("data.asOf", equalTo(AS_OF))
                .body("data.customerCount", equalTo(1))
                .body("data.totalOutstanding", equalTo(340))
                .body("data.days0To30", equalTo(0))
                .body("data.days31To60", equalTo(290))
                .body("data.days61To90", equalTo(0))
                .body("data.over90", equalTo(50))
                .body("data.customers[0].customerCode", equalTo("ASHA"))
                .body("data.customers[0].outstanding", equalTo(340))
                .body("data.customers[0].over90", equalTo(50));
        ok(as(user).get("/api/v1/tenants/" + t + "/reports/customers/points-liability").then(), 200,
                "get_points_liability")
                .body("data.totalPoints", equalTo(6))
                .body("data.totalValue", equalTo(6))
                .body("data.tiers[0].loyaltyTier", equalTo("standard"));
        // bought 100 + 1250 + 300 + 500 - 500 = 1650 in four sales
        ok(as(user).queryParam("business_date_from", "20260101").queryParam("business_date_to", AS_OF)
                .get("/api/v1/tenants/" + t + "/reports/customers/top").then(), 200, "get_top_customers")
                .body("data.customers[0].rank", equalTo(1))
                .body("data.customers[0].customerCode", equalTo("ASHA"))
                .body("data.customers[0].amount", equalTo(1650))
                .body("data.customers[0].saleCount", equalTo(4));
        error(as(user).queryParam("business_date_from", "2026-01-01").queryParam("business_date_to", AS_OF)
                .get("/api/v1/tenants/" + t + "/reports/customers/top").then(), 422, "300001");

        // Replays: every tranlog again under its own event id, S3 and its return again under new ones
        // (a republished transaction), then a marker sale behind them on the same partition.
        Map<String, Object> s3again = new java.util.LinkedHashMap<>(s3);
        s3again.put("event_id", java.util.UUID.randomUUID().toString());
        Map<String, Object> returnAgain = new java.util.LinkedHashMap<>(r3return);
        returnAgain.put("event_id", java.util.UUID.randomUUID().toString());
        customer(t, "MARK", 0);
        tranlog(s0, s1, s2, s3, r3return, s3again, returnAgain);
        tranlog(sale(t, store, 1, 99, AS_OF, "MARK", 100, payment(1, CASH, 100, null)),
                sale(t, store, 2, 99, AS_OF, "MARK", 100, payment(1, CASH, 100, null)));
        awaitLedger(t, "MARK", "pointsBalance", 2);
        JsonPath replayed = ledger(t, "ASHA");
        assertEquals(340, replayed.getInt("data.creditBalance"));
        assertEquals(6, replayed.getInt("data.pointsBalance"));
        assertEquals(0, replayed.getInt("data.creditReserved"));
        assertReconciled(t, "ASHA");
        assertEquals(6L, ((Number) query(t, "SELECT count(*) AS n FROM ledger_entry WHERE customer_code = 'ASHA' "
                + "AND ledger = 'points'").get(0).get("n")).longValue(), "1 + 12 - 10 + 3 + 5 - 5: six postings and no more");
    }

    /**
     * Must show: 50 terminals put 30 on one customer's credit (limit 1000) at the same moment. Exactly
     * 33 holds fit (990); the other 17 are refused. 30 of the 33 are billed, 3 are cancelled; their
     * tranlogs post 900, the holds all settle, and a replay of every tranlog changes nothing.
     */
    @Test
    void fiftyTerminalsAtOnceNeverPassTheLimit() throws Exception {
        String t = provisioned();
        customer(t, "BULK", 1000);
        String store = "S9";
        int terminals = 50;
        for (int i = 1; i <= terminals; i++) {
            terminalToken(t, store, i); // signing is not part of the race
        }
        ExecutorService pool = Executors.newFixedThreadPool(terminals);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ReservationReply>> calls = new ArrayList<>();
        try {
            for (int i = 1; i <= terminals; i++) {
                int terminal = i;
                Callable<ReservationReply> call = () -> {
                    start.await();
                    try {
                        return reserve(t, store, terminal, "BULK", "credit", 30);
                    } catch (StatusRuntimeException e) {
                        assertEquals(Status.Code.FAILED_PRECONDITION, e.getStatus().getCode(), e.getStatus().toString());
                        return null;
                    }
                };
                calls.add(pool.submit(call));
            }
            start.countDown();
            List<ReservationReply> held = new ArrayList<>();
            List<Integer> heldBy = new ArrayList<>();
            for (int i = 0; i < terminals; i++) {
                ReservationReply r = calls.get(i).get(60, TimeUnit.SECONDS);
                if (r != null) {
                    held.add(r);
                    heldBy.add(i + 1);
                }
            }
            assertEquals(33, held.size(), "33 x 30 = 990 fit under 1000, the 34th would not");
            JsonPath during = ledger(t, "BULK");
            assertEquals(990, during.getInt("data.creditReserved"));
            assertTrue(new BigDecimal(during.getString("data.creditReserved")).compareTo(BigDecimal.valueOf(1000)) <= 0);
            assertEquals(10, during.getInt("data.creditAvailable"));

            List<Map<String, Object>> sales = new ArrayList<>();
            for (int i = 0; i < held.size(); i++) {
                int terminal = heldBy.get(i);
                String id = held.get(i).getReservationId();
                if (i < 3) {
                    assertEquals("released", release(t, store, terminal, id).getStatus());
                    assertEquals("released", release(t, store, terminal, id).getStatus()); // twice is harmless
                    continue;
                }
                confirm(t, store, terminal, id);
                sales.add(sale(t, store, terminal, 1, AS_OF, "BULK", 30, payment(1, CREDIT, 30, id)));
            }
            tranlogs(sales);
            awaitLedger(t, "BULK", "creditBalance", 900);
            awaitLedger(t, "BULK", "creditReserved", 0);
            assertReconciled(t, "BULK");
            List<Map<String, Object>> statuses = query(t, """
                    SELECT status, count(*) AS n, sum(amount) AS amount FROM ledger_reservation
                    WHERE customer_code = 'BULK' GROUP BY status ORDER BY status""");
            assertEquals(2, statuses.size(), statuses.toString());
            assertEquals("posted", statuses.get(0).get("status"));
            assertEquals(30L, ((Number) statuses.get(0).get("n")).longValue());
            assertEquals("released", statuses.get(1).get("status"));
            assertEquals(3L, ((Number) statuses.get(1).get("n")).longValue());

            // the same 30 tranlogs again, then a marker on each of their partitions' keys: nothing moves
            customer(t, "MARK", 0);
            tranlogs(sales);
            List<Map<String, Object>> markers = new ArrayList<>();
            for (int i = 3; i < held.size(); i++) {
                markers.add(sale(t, store, heldBy.get(i), 2, AS_OF, "MARK", 100, payment(1, CASH, 100, null)));
            }
            tranlogs(markers);
            await("the markers posted", () -> query(t,
                    "SELECT count(*) AS n FROM customer_purchase WHERE customer_code = 'MARK'").get(0).get("n")
                    instanceof Number n && n.longValue() >= markers.size());
            assertEquals(900, ledger(t, "BULK").getInt("data.creditBalance"));
            assertReconciled(t, "BULK");
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Repayments from the back office and from tills, by hand. Limit 1000.
     * <pre>
     *  sale 600 on credit                                               owes 600
     *  back office BO-1 100 at store S1 (then retried: nothing new)     owes 500   its cash log, terminal 0
     *  till T-1 200 (delivered twice, and again under another event id) owes 300
     *  a plain cash in (no customer)                                    owes 300
     *  till 450, no repayment id (its event id is the id)               owes -150  taken: credit in hand
     *  the back office's own cash log, consumed too                     owes -150
     * </pre>
     */
    @Test
    void repaymentsFromTheBackOfficeAndTheTillPostOnce() {
        String t = provisioned();
        String user = userToken(t);
        customer(t, "RAVI", 1000);
        tranlog(sale(t, "S1", 1, 1, AS_OF, "RAVI", 600, payment(1, CREDIT, 600, null)));
        awaitLedger(t, "RAVI", "creditBalance", 600);

        Map<String, Object> backOffice = Map.of("amount", 100, "repaymentId", "BO-1", "storeCode", "S1",
                "reference", "paid at the desk");
        for (int i = 0; i < 2; i++) {
            ok(as(user).body(backOffice).post("/api/v1/tenants/" + t + "/customers/RAVI/credit/repayments").then(),
                    201, "create_credit_repayment").body("data.creditBalance", equalTo(500));
        }
        error(as(user).body(Map.of("amount", 10)).post("/api/v1/tenants/" + t
                + "/customers/RAVI/credit/repayments").then(), 422, "300001");
        error(as(user).body(Map.of("amount", 10, "storeCode", "S 1")).post("/api/v1/tenants/" + t
                + "/customers/RAVI/credit/repayments").then(), 422, "300001");
        error(as(user).body(Map.of("amount", 10, "storeCode", "S1")).post("/api/v1/tenants/" + t
                + "/customers/NOBODY/credit/repayments").then(), 404, "405002");
        List<Map<String, Object>> outbox = query(t, "SELECT event_id::text AS id, msg_key, payload FROM kassa.outbox"
                + " WHERE tenant_id = $1 AND topic = 'pos.cashlog'", t);
        assertEquals(1, outbox.size(), "one cash log for the repayment, none for its retry or the refusals");
        assertEquals(t + "-S1-0", outbox.get(0).get("msg_key"));
        String backOfficeEvent = (String) outbox.get(0).get("id");
        JsonNode published = events("pos.cashlog", t + "-S1-0", 1, e -> true).get(0);
        assertEquals(backOfficeEvent, published.path("event_id").asText());
        assertEquals("cash_in_out", published.path("event_type").asText());
        assertEquals(0, published.path("terminal_no").asInt());
        assertEquals("S1", published.path("store_code").asText());
        assertEquals("RAVI", published.path("customer_code").asText());
        assertEquals("BO-1", published.path("repayment_id").asText());
        assertEquals(100, published.path("amount").asInt());
        assertEquals("admin", published.path("staff_id").asText());
        assertEquals("Credit repayment RAVI", published.path("description").asText());
        assertTrue(published.path("journal_text").asText().contains("RAVI"), published.toString());
        assertTrue(published.path("business_date").asText().matches("\\d{8}"), published.toString());

        Map<String, Object> till = cashIn(t, "S1", 3, 200, "RAVI", "T-1");
        Map<String, Object> tillAgain = new java.util.LinkedHashMap<>(till);
        tillAgain.put("event_id", java.util.UUID.randomUUID().toString());
        Map<String, Object> noId = cashIn(t, "S1", 3, 450, "RAVI", null);
        cashlog(till, till, tillAgain, cashIn(t, "S1", 3, 5000, null, null), noId);
        awaitLedger(t, "RAVI", "creditBalance", -150);
        awaitProcessed(t, backOfficeEvent);
        assertEquals(-150, ledger(t, "RAVI").getInt("data.creditBalance"));
        assertEquals(1150, ledger(t, "RAVI").getInt("data.creditAvailable"), "the limit and the 150 in hand");
        assertReconciled(t, "RAVI");
        List<Map<String, Object>> repayments = query(t, "SELECT source_key, amount, store_code, terminal_no"
                + " FROM ledger_entry WHERE customer_code = 'RAVI' AND entry_type = 'repayment' ORDER BY entry_id");
        assertEquals(3, repayments.size(), repayments.toString());
        assertEquals("repayment:BO-1", repayments.get(0).get("source_key"));
        assertEquals(0, repayments.get(0).get("terminal_no"));
        assertEquals("repayment:T-1", repayments.get(1).get("source_key"));
        assertEquals(3, repayments.get(1).get("terminal_no"));
        assertEquals(0, num(repayments.get(1).get("amount")).compareTo(new BigDecimal(-200)));
        assertEquals("repayment:" + noId.get("event_id"), repayments.get(2).get("source_key"));
        assertEquals(0, num(repayments.get(2).get("amount")).compareTo(new BigDecimal(-450)));
    }

    /** Waits up to 30 s for the cash-log feed to have seen the event. */
    private void awaitProcessed(String t, String eventId) {
        await("the cash-log feed saw " + eventId, () -> !query(t,
                "SELECT 1 FROM kassa.processed_event WHERE consumer = $1 AND event_id = $2",
                LedgerService.CASHLOG_CONSUMER, eventId).isEmpty());
    }

    @Test
    void reservationsAreTheTenantsOwnAndReleasedOnCancel() {
        String t = provisioned();
        customer(t, "K", 100);
        StatusRuntimeException other = assertThrows(StatusRuntimeException.class, () -> ledgerStub(userToken(newTenant()))
                .reserve(dev.kassa.masterdata.grpc.v1.ReserveRequest.newBuilder().setTenantId(t).setCustomerCode("K")
                        .setLedger("credit").setAmount("5").build()));
        assertEquals(Status.Code.PERMISSION_DENIED, other.getStatus().getCode());
        assertEquals(Status.Code.NOT_FOUND, assertThrows(StatusRuntimeException.class,
                () -> reserve(t, "S1", 1, "NOBODY", "credit", 5)).getStatus().getCode());
        assertEquals(Status.Code.INVALID_ARGUMENT, assertThrows(StatusRuntimeException.class,
                () -> reserve(t, "S1", 1, "K", "credit", -5)).getStatus().getCode());
        assertEquals(Status.Code.INVALID_ARGUMENT, assertThrows(StatusRuntimeException.class,
                () -> reserve(t, "S1", 1, "K", "gold", 5)).getStatus().getCode());

        // a cancelled cart's tranlog releases its hold; the cancelled sale posts nothing
        ReservationReply r = reserve(t, "S1", 1, "K", "credit", 80);
        Map<String, Object> cancelled = sale(t, "S1", 1, 5, AS_OF, "K", 80, payment(1, CREDIT, 80, r.getReservationId()));
        cancelled.put("sales", Map.of("total_amount_with_tax", 80, "is_cancelled", true));
        tranlog(cancelled);
        awaitLedger(t, "K", "creditReserved", 0);
        assertEquals(0, ledger(t, "K").getInt("data.creditBalance"));
        assertEquals(Status.Code.FAILED_PRECONDITION, assertThrows(StatusRuntimeException.class,
                () -> confirm(t, "S1", 1, r.getReservationId())).getStatus().getCode());
        assertReconciled(t, "K");
    }

    @Test
    void aTillLooksUpTheCustomerItAttachesOnlyInItsOwnTenant() {
        String t = provisioned();
        as(userToken(t)).body(Map.of("customerCode", "GOLD1", "name", "Mira Gold", "loyaltyTier", "gold",
                "creditLimit", 500)).post("/api/v1/tenants/" + t + "/customers").then().statusCode(201);
        customer(t, "GONE", 0);
        as(userToken(t)).post("/api/v1/tenants/" + t + "/customers/GONE/erase").then().statusCode(200);
        reserve(t, "S1", 1, "GOLD1", "credit", 120);

        CustomerReply gold = lookUp(terminalToken(t, "S1", 1), t, "GOLD1");
        assertEquals("GOLD1", gold.getCustomerCode());
        assertEquals("Mira Gold", gold.getName());
        assertEquals("gold", gold.getLoyaltyTier());
        assertEquals(false, gold.getErased());
        assertEquals(0, new BigDecimal("380").compareTo(new BigDecimal(gold.getCreditAvailable())), "500 less 120 held");
        assertEquals(0, BigDecimal.ZERO.compareTo(new BigDecimal(gold.getPointsAvailable())));

        CustomerReply gone = lookUp(terminalToken(t, "S1", 1), t, "GONE");
        assertTrue(gone.getErased());
        assertEquals("(erased)", gone.getName());

        assertEquals(Status.Code.NOT_FOUND, assertThrows(StatusRuntimeException.class,
                () -> lookUp(terminalToken(t, "S1", 1), t, "NOBODY")).getStatus().getCode());
        // another tenant's till asks its own tenant for this tenant's customer: not there
        String other = provisioned();
        assertEquals(Status.Code.NOT_FOUND, assertThrows(StatusRuntimeException.class,
                () -> lookUp(terminalToken(other, "S1", 1), other, "GOLD1")).getStatus().getCode());
        // or names this tenant in the request: refused
        assertEquals(Status.Code.PERMISSION_DENIED, assertThrows(StatusRuntimeException.class,
                () -> lookUp(terminalToken(other, "S1", 1), t, "GOLD1")).getStatus().getCode());
        assertEquals(Status.Code.INVALID_ARGUMENT, assertThrows(StatusRuntimeException.class,
                () -> lookUp(terminalToken(t, "S1", 1), t, "")).getStatus().getCode());
        // holds belong to carts: a user of the tenant, even its owner, may neither look up nor hold
        assertEquals(Status.Code.PERMISSION_DENIED, assertThrows(StatusRuntimeException.class,
                () -> lookUp(userToken(t), t, "GOLD1")).getStatus().getCode());
        assertEquals(Status.Code.PERMISSION_DENIED, assertThrows(StatusRuntimeException.class,
                () -> ledgerStub(userToken(t)).reserve(ReserveRequest.newBuilder().setTenantId(t)
                        .setCustomerCode("GOLD1").setLedger("credit").setAmount("10").setCartId("c-1")
                        .setStoreCode("S1").setTerminalNo(1).build())).getStatus().getCode());
    }

    private CustomerReply lookUp(String token, String tenant, String code) {
        return ledgerStub(token).customer(CustomerRequest.newBuilder().setTenantId(tenant).setCustomerCode(code).build());
    }
}
