package dev.kassa.masterdata;

import dev.kassa.common.test.TestTokens;
import dev.kassa.masterdata.grpc.v1.ReservationReply;
import dev.kassa.masterdata.service.PointsService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Points by hand and by the calendar: adjustments, expiry first in first out, the entries that explain
 * the balance, and the points-liability report after them, against hand-computed figures.
 */
@QuarkusTest
class CustomerPointsTest extends LedgerTestBase {

    /**
     * One point per 100 of sales, a point is worth 1.
     * <pre>
     *  S1 2026-01-10  1000 cash                 +10   = 10
     *  S2 2026-02-10   500 cash                  +5   = 15
     *  S3 2026-03-10   800 cash                  +8   = 23
     *  S4 2026-03-15     7 paid with 7 points    -7   = 16   (7 of sales earn no point)
     *  adjustment +5 "goodwill" (today), sent twice with one id   = 21
     *  adjustment -19 while 3 are held (18 available): refused    = 21
     *  expiry, earned before 2026-03-01: lots S1+S2 = 15, taken 7 -> 8 expire      = 13
     *  again for 2026-03-01: 0; for 2026-02-01: lots 10, taken 15 -> 0
     *  expiry, earned before 2026-03-11: lots 23, taken 7+8 = 15 -> 8 expire (S3)  = 5
     * </pre>
     */
    @Test
    void pointsAdjustedExpiredAndListed() {
        String t = provisioned();
        String user = userToken(t);
        String base = "/api/v1/tenants/" + t + "/customers";
        setting(t, "loyalty_amount_per_point", "100");
        setting(t, "loyalty_point_value", "1");
        customer(t, "ASHA", 0);
        tranlog(sale(t, "S1", 1, 1, "20260110", "ASHA", 1000, payment(1, CASH, 1000, null)),
                sale(t, "S1", 1, 2, "20260210", "ASHA", 500, payment(1, CASH, 500, null)),
                sale(t, "S1", 1, 3, "20260310", "ASHA", 800, payment(1, CASH, 800, null)),
                sale(t, "S1", 1, 4, "20260315", "ASHA", 7, payment(1, POINTS, 7, null)));
        awaitLedger(t, "ASHA", "pointsBalance", 16);

        Map<String, Object> goodwill = Map.of("points", 5, "reason", "goodwill", "adjustment_id", "goodwill-1");
        for (int i = 0; i < 2; i++) {
            ok(as(user).body(goodwill).post(base + "/ASHA/points/adjustments").then(), 201, "create_points_adjustment")
                    .body("data.pointsBalance", equalTo(21))
                    .body("data.pointsAvailable", equalTo(21));
        }
        assertEquals(1L, ((Number) query(t, "SELECT count(*) AS n FROM ledger_entry WHERE source_key LIKE '%goodwill-1'")
                .get(0).get("n")).longValue(), "the retry posted nothing");

        // 3 points held by a cart: 18 can be taken, 19 cannot
        ReservationReply held = reserve(t, "S1", 1, "ASHA", "points", 3);
        error(as(user).body(Map.of("points", -19, "reason", "correction")).post(base + "/ASHA/points/adjustments")
                .then(), 409, "405303").body("message", containsString("18 points are available"));
        assertEquals(21, ledger(t, "ASHA").getInt("data.pointsBalance"));
        release(t, "S1", 1, held.getReservationId());

        error(as(user).body(Map.of("points", 0, "reason", "nothing")).post(base + "/ASHA/points/adjustments").then(),
                422, "300001");
        error(as(user).body(Map.of("points", 5)).post(base + "/ASHA/points/adjustments").then(), 422, "300001");
        error(as(user).body(Map.of("points", 5, "reason", " ")).post(base + "/ASHA/points/adjustments").then(),
                422, "300001");
        error(as(user).body(Map.of("points", 5, "reason", "x")).post(base + "/NOBODY/points/adjustments").then(),
                404, "405002");
        customer(t, "GONE", 0);
        as(user).post(base + "/GONE/erase").then().statusCode(200);
        error(as(user).body(Map.of("points", 5, "reason", "x")).post(base + "/GONE/points/adjustments").then(),
                400, "405305");
        assertEquals(21, ledger(t, "ASHA").getInt("data.pointsBalance"));
        assertReconciled(t, "ASHA");

        String expiry = base + "/points/expiry";
        ok(as(user).body(Map.of("earned_before", "20260301")).post(expiry).then(), 201, "create_points_expiry")
                .body("data.earnedBefore", equalTo("20260301"))
                .body("data.customerCount", equalTo(1))
                .body("data.pointsExpired", equalTo(8));
        assertEquals(13, ledger(t, "ASHA").getInt("data.pointsBalance"));
        ok(as(user).get("/api/v1/tenants/" + t + "/reports/customers/points-liability").then(), 200,
                "get_points_liability").body("data.totalPoints", equalTo(13)).body("data.totalValue", equalTo(13));
        // By construction nothing more: the expired points count as taken, and an earlier cutoff has fewer lots
        for (String again : List.of("20260301", "20260201")) {
            ok(as(user).body(Map.of("earned_before", again)).post(expiry).then(), 201, "create_points_expiry")
                    .body("data.customerCount", equalTo(0))
                    .body("data.pointsExpired", equalTo(0));
        }
        assertEquals(13, ledger(t, "ASHA").getInt("data.pointsBalance"));
        error(as(user).body(Map.of("earned_before", "2026-03-01")).post(expiry).then(), 422, "300001");
        error(as(user).body(Map.of("earned_before", "20261399")).post(expiry).then(), 422, "300001");

        ok(as(user).body(Map.of("earned_before", "20260311")).post(expiry).then(), 201, "create_points_expiry")
                .body("data.customerCount", equalTo(1))
                .body("data.pointsExpired", equalTo(8));
        assertEquals(5, ledger(t, "ASHA").getInt("data.pointsBalance"));
        ok(as(user).get("/api/v1/tenants/" + t + "/reports/customers/points-liability").then(), 200,
                "get_points_liability").body("data.totalPoints", equalTo(5));
        assertReconciled(t, "ASHA");

        // the statement: newest first, and its amounts add up to the balance
        List<Number> amounts = ok(as(user).get(base + "/ASHA/ledger/entries").then(), 200,
                "list_customer_ledger_entries")
                .body("metadata.total", equalTo(7))
                .body("metadata.page", equalTo(1))
                .body("data.entryType", contains("expiry", "expiry", "adjustment", "sale", "sale", "sale", "sale"))
                .body("data.amount", contains(-8, -8, 5, -7, 8, 5, 10))
                .body("data.sign", contains(-1, -1, 1, -1, 1, 1, 1))
                .body("data[0].reference", equalTo("points earned before 20260311"))
                .body("data[2].reference", equalTo("goodwill"))
                .extract().path("data.amount");
        assertEquals(0, amounts.stream().map(a -> new BigDecimal(a.toString())).reduce(BigDecimal.ZERO, BigDecimal::add)
                .compareTo(BigDecimal.valueOf(5)));
        ok(as(user).queryParam("ledger", "points").queryParam("page", 2).queryParam("limit", 3)
                .get(base + "/ASHA/ledger/entries").then(), 200, "list_customer_ledger_entries")
                .body("metadata.total", equalTo(7))
                .body("metadata.page", equalTo(2))
                .body("metadata.limit", equalTo(3))
                .body("data", hasSize(3))
                .body("data.amount", contains(-7, 8, 5))
                .body("data.transactionNo", contains(4, 3, 2))
                .body("data.businessDate", contains("20260315", "20260310", "20260210"))
                .body("data[0].storeCode", equalTo("S1"))
                .body("data[0].terminalNo", equalTo(1));
        ok(as(TestTokens.withRoles(t, "till", "cashier")).queryParam("ledger", "credit").get(base + "/ASHA/ledger/entries").then(), 200,
                "list_customer_ledger_entries").body("metadata.total", equalTo(0)).body("data", hasSize(0));
        error(as(user).queryParam("ledger", "gold").get(base + "/ASHA/ledger/entries").then(), 422, "300001");
        error(as(user).get(base + "/NOBODY/ledger/entries").then(), 404, "405002");

        // another tenant sees none of it: its own path does not know the customer, ours is not its own
        String other = provisioned();
        String otherUser = userToken(other);
        String otherBase = "/api/v1/tenants/" + other + "/customers";
        error(as(otherUser).get(otherBase + "/ASHA/ledger/entries").then(), 404, "405002");
        error(as(otherUser).body(Map.of("points", 5, "reason", "x")).post(otherBase + "/ASHA/points/adjustments")
                .then(), 404, "405002");
        error(as(otherUser).get(base + "/ASHA/ledger/entries").then(), 400, "200003");
        error(as(otherUser).body(Map.of("points", 5, "reason", "x")).post(base + "/ASHA/points/adjustments").then(),
                400, "200003");
        error(as(otherUser).body(Map.of("earned_before", "20270101")).post(expiry).then(), 400, "200003");
        ok(as(otherUser).body(Map.of("earned_before", "20270101")).post(otherBase + "/points/expiry").then(), 201,
                "create_points_expiry").body("data.customerCount", equalTo(0));
        assertEquals(5, ledger(t, "ASHA").getInt("data.pointsBalance"));
        assertReconciled(t, "ASHA");
    }

    /** Limit 100: a charge of 60 (sent twice), 41 more refused, 61 not owed, then 60 written off as bad debt. */
    @Test
    void creditChargedAndWrittenOffByHand() {
        String t = provisioned();
        String user = userToken(t);
        String adjustments = "/api/v1/tenants/" + t + "/customers/BEN/credit/adjustments";
        customer(t, "BEN", 100);
        Map<String, Object> charge = Map.of("amount", 60, "reason", "repair on account", "adjustment_id", "job-7");
        for (int i = 0; i < 2; i++) {
            ok(as(user).body(charge).post(adjustments).then(), 201, "create_credit_adjustment")
                    .body("data.creditBalance", equalTo(60))
                    .body("data.creditAvailable", equalTo(40));
        }
        error(as(user).body(Map.of("amount", 41, "reason", "more")).post(adjustments).then(), 409, "405302");
        error(as(user).body(Map.of("amount", -61, "reason", "bad debt")).post(adjustments).then(), 400, "405306");
        error(as(TestTokens.withRoles(t, "till", "cashier")).body(Map.of("amount", -60, "reason", "bad debt"))
                .post(adjustments).then(), 403, "200002");
        assertEquals(60, ledger(t, "BEN").getInt("data.creditBalance"));
        ok(as(user).body(Map.of("amount", -60, "reason", "bad debt", "adjustment_id", "w-1")).post(adjustments).then(),
                201, "create_credit_adjustment").body("data.creditBalance", equalTo(0))
                .body("data.creditAvailable", equalTo(100));
        ok(as(user).queryParam("ledger", "credit").get("/api/v1/tenants/" + t + "/customers/BEN/ledger/entries").then(),
                200, "list_customer_ledger_entries")
                .body("metadata.total", equalTo(2))
                .body("data.entryType", contains("adjustment", "adjustment"))
                .body("data.amount", contains(-60, 60))
                .body("data.reference", contains("bad debt", "repair on account"));
        assertReconciled(t, "BEN");
    }

    @Inject
    PointsService points;

    /**
     * The daily job's rule: valid 30 days, so as of 2026-02-15 the points earned before 2026-01-16 expire.
     * <pre>
     *  S1 2026-01-10  1000 cash              +10  = 10
     *  S3 2026-01-12     4 paid with points   -4  = 6
     *  R3 2026-01-14  its return: points back +4  = 10   (a lot of 2026-01-14, as the points it gave back)
     *  S2 2026-01-20   500 cash               +5  = 15
     *  lots before 2026-01-16: 10 + 4, taken 4 -> 10 expire, the 5 of S2 stay
     * </pre>
     */
    @Test
    void validDaysSettingDrivesTheDailyExpiry() {
        String t = provisioned();
        setting(t, "loyalty_amount_per_point", "100");
        customer(t, "RIA", 0);
        Map<String, Object> paidWithPoints = sale(t, "S1", 1, 3, "20260112", "RIA", 4, payment(1, POINTS, 4, null));
        tranlog(sale(t, "S1", 1, 1, "20260110", "RIA", 1000, payment(1, CASH, 1000, null)), paidWithPoints,
                reversal(paidWithPoints, 102, 4, "20260114", payment(1, POINTS, 4, null)),
                sale(t, "S1", 1, 2, "20260120", "RIA", 500, payment(1, CASH, 500, null)));
        awaitLedger(t, "RIA", "pointsBalance", 15);
        assertEquals(4L, ((Number) query(t, "SELECT count(*) AS n FROM ledger_entry WHERE customer_code = 'RIA'")
                .get(0).get("n")).longValue(), "+10, -4, +4, +5");
        LocalDate today = LocalDate.of(2026, 2, 15);
        assertTrue(run(t, today).isEmpty(), "no setting: points never expire");
        setting(t, PointsService.VALID_DAYS_SETTING, "30");
        PointsService.PointsExpiry run = run(t, today).orElseThrow();
        assertEquals("20260116", run.earnedBefore());
        assertEquals(1, run.customerCount());
        assertEquals(0, run.pointsExpired().compareTo(BigDecimal.TEN));
        assertEquals(0, run(t, today).orElseThrow().customerCount(), "a second run of the day expires nothing");
        assertEquals(5, ledger(t, "RIA").getInt("data.pointsBalance"));
        assertReconciled(t, "RIA");
    }

    private Optional<PointsService.PointsExpiry> run(String t, LocalDate today) {
        return points.expireByRule(t, today).await().atMost(Duration.ofSeconds(30));
    }
}
