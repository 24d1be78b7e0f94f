package dev.kassa.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.e2e.Api.Reply;
import org.awaitility.core.ConditionTimeoutException;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static dev.kassa.e2e.BusinessDayTest.CART;
import static dev.kassa.e2e.BusinessDayTest.JOURNAL;
import static dev.kassa.e2e.BusinessDayTest.MASTERDATA;
import static dev.kassa.e2e.BusinessDayTest.TERMINAL;
import static dev.kassa.e2e.BusinessDayTest.newToken;
import static dev.kassa.e2e.BusinessDayTest.obj;
import static org.awaitility.Awaitility.await;

/**
 * A customer's day (issue 14, must show 1) through the real cart, terminal and master data: the cart holds
 * credit and points on the customer's ledger over gRPC, the bill's tranlog posts them, and the figures are
 * read back from master data's ledger and reports.
 *
 * <h2>The day (store 5681, terminal 1, customer C0001 with a credit limit of 1000)</h2>
 * Loyalty rule: one point per 100 of a sale's total with tax, a point is worth 1. Items as the main day
 * (49-01 Brezel 120 + 10 % external tax, 49-02 Croissant 250 + 10 % external, 49-03 Apfelsaft 330 with 10 %
 * internal tax).
 * <pre>
 *                                                         points          credit owed
 * tx 1 sale   2 x 49-02 = 500 + 50 = 550, cash            +5 (550/100) -> 5
 * tx 2 sale   1 x 49-01 = 120 + 12 = 132, the customer    -5 +1 -> 1
 *             attached to the open cart; 5 points + cash 127
 * tx 3 sale   2 x 49-03 = 660, credit 660                 +6 -> 7          660
 * (refused)   2 x 49-02 = 550 on credit: 660 + 550 > 1000: 400 / 403008
 * tx 4 sale   the same 550: credit 340 (exactly what is   +5 -> 12         1000
 *             left), cash 210
 * repayment   400 in the back office (cash log, terminal 0)                600
 * repayment   100 as a cash-in at the till                                 500
 * tx 5 return of tx 4: 340 back to credit, 210 cash       -5 -> 7          160
 * tx 6 offline sale uploaded twice: 1 x 49-01 = 132 on    +1 -> 8          292
 *             credit, never held (flagged for review)
 * </pre>
 * Credit ageing: 292 in 0-30 days on the day, in 31-60 days 45 days later. Points liability 8 (worth 8).
 * Top customer C0001: 550 + 132 + 660 + 550 - 550 + 132 = 1474 in 5 sales.
 */
final class CustomerDay {

    static final String STORE = "5681";
    static final int TERMINAL_NO = 1;
    static final String CUSTOMER = "C0001";
    static final int CREDIT_LIMIT = 1000;

    private final Api api;
    private final Steps steps;
    private final String tenant;
    private final String adminToken;
    private final Duration eventsTimeout;
    private String terminalId;
    private String terminalToken;
    private String businessDate;

    CustomerDay(Api api, Steps steps, String tenant, String adminToken, Duration eventsTimeout) {
        this.api = api;
        this.steps = steps;
        this.tenant = tenant;
        this.adminToken = adminToken;
        this.eventsTimeout = eventsTimeout;
    }

    void play() {
        setUp();
        sell();
        repayAndReturn();
        checkReports();
    }

    private void setUp() {
        String md = "/api/v1/tenants/" + tenant;
        steps.run("customer: masterdata: payments 21 Points and 31 Credit, loyalty 1 point per 100 worth 1, customer "
                + CUSTOMER + " with a credit limit of " + CREDIT_LIMIT, () -> {
            for (String[] p : new String[][] {{"21", "Points"}, {"31", "Credit"}}) {
                api.post(MASTERDATA, md + "/payments").bearer(adminToken)
                        .json(obj("paymentCode", p[0], "description", p[1], "limitAmount", 0, "canRefund", true,
                                "canDepositOver", false, "canChange", false, "isActive", true)).call().expect(201);
            }
            for (String[] s : new String[][] {{"loyalty_amount_per_point", "100"}, {"loyalty_point_value", "1"}}) {
                api.post(MASTERDATA, md + "/settings").bearer(adminToken)
                        .json(obj("name", s[0], "defaultValue", s[1], "values", List.of())).call().expect(201);
            }
            Reply r = api.post(MASTERDATA, md + "/customers").bearer(adminToken)
                    .json(obj("customerCode", CUSTOMER, "name", "Asha Rao", "phone", "0901234567",
                            "creditLimit", CREDIT_LIMIT)).call().expect(201);
            Expect.on(r).text("/data/customerCode", CUSTOMER).num("/data/creditLimit", CREDIT_LIMIT).verify();
            expectLedger(Map.of("pointsBalance", 0, "creditBalance", 0, "creditAvailable", CREDIT_LIMIT));
        });
        steps.run("customer: terminal: store " + STORE + ", terminal " + STORE + "-" + TERMINAL_NO
                + " signed in and open with 1000", () -> {
            api.post(TERMINAL, md + "/stores").bearer(adminToken)
                    .json(obj("store_code", STORE, "store_name", "E2E customer store")).call().expect(201);
            Reply r = api.post(TERMINAL, "/api/v1/terminals").bearer(adminToken)
                    .json(obj("store_code", STORE, "terminal_no", TERMINAL_NO, "description", "E2E customer terminal"))
                    .call().expect(201);
            terminalId = tenant + "-" + STORE + "-" + TERMINAL_NO;
            String apiKey = r.data().path("apiKey").asText();
            r = api.post(TERMINAL, "/api/v1/auth/token").query("terminal_id", terminalId)
                    .header("X-API-KEY", apiKey).call().expect(200);
            terminalToken = r.data().path("access_token").asText();
            functionMode("OpenTerminal");
            r = api.post(TERMINAL, terminalPath("/sign-in")).bearer(terminalToken)
                    .json(obj("staff_id", BusinessDayTest.STAFF)).call().expect(200);
            terminalToken = newToken(r);
            r = api.post(TERMINAL, terminalPath("/open")).bearer(terminalToken)
                    .json(obj("initial_amount", 1000)).call().expect(200);
            businessDate = r.data().path("businessDate").asText();
            terminalToken = newToken(r);
            functionMode("Sales");
        });
    }

    private void sell() {
        steps.run("customer: cart: tx 1, 2 x 49-02 for " + CUSTOMER + ", cash 550: earns 5 points (posted from the tranlog)",
                () -> {
            String cart = customerCart();
            cartPost(cart, "/lineItems", List.of(obj("itemCode", BusinessDayTest.CROISSANT, "quantity", 2)));
            cartPost(cart, "/subtotal", null);
            Reply r = cartPost(cart, "/payments", List.of(obj("paymentCode", "01", "amount", 550)));
            Expect.on(r).num("/data/totalAmountWithTax", 550).num("/data/balanceAmount", 0).verify();
            r = cartPost(cart, "/bill", null);
            Expect.on(r).text("/data/cartStatus", "Completed").num("/data/transactionNo", 1).verify();
            awaitLedger("pointsBalance", 5);
        });
        steps.run("customer: cart: tx 2, 1 x 49-01 = 132, " + CUSTOMER + " attached to the open cart, 5 points held then "
                + "redeemed, cash 127: 5 - 5 + 1 = 1 point", () -> {
            Reply r = api.post(CART, "/api/v1/carts").bearer(terminalToken)
                    .json(obj("transaction_type", 101, "user_id", "99", "user_name", "John Doe")).call().expect(201);
            String cart = r.data().path("cartId").asText();
            cartPost(cart, "/lineItems", List.of(obj("itemCode", BusinessDayTest.BREZEL, "quantity", 1)));
            // the cashier scans the loyalty card after the first item: looked up in master data
            r = api.put(CART, "/api/v1/carts/" + cart + "/customer").bearer(terminalToken)
                    .json(obj("customer_code", CUSTOMER)).call().expect(200);
            Expect.on(r).text("/data/customer/customerCode", CUSTOMER).text("/data/customer/name", "Asha Rao")
                    .num("/data/customer/pointsAvailable", 5).verify();
            cartPost(cart, "/subtotal", null);
            r = cartPost(cart, "/payments", List.of(obj("paymentCode", "21", "amount", 5)));
            Expect.on(r).num("/data/totalAmountWithTax", 132).num("/data/balanceAmount", 127).verify();
            // the hold is on the ledger before the bill: 5 points held, none available
            expectLedger(Map.of("pointsBalance", 5, "pointsReserved", 5, "pointsAvailable", 0));
            cartPost(cart, "/payments", List.of(obj("paymentCode", "01", "amount", 127)));
            r = cartPost(cart, "/bill", null);
            Expect.on(r).num("/data/transactionNo", 2).verify();
            awaitLedger("pointsBalance", 1);
            expectLedger(Map.of("pointsBalance", 1, "pointsReserved", 0, "pointsAvailable", 1));
        });
        steps.run("customer: cart: tx 3, 2 x 49-03 = 660 on credit: owes 660, 7 points", () -> {
            String cart = customerCart();
            cartPost(cart, "/lineItems", List.of(obj("itemCode", BusinessDayTest.APFELSAFT, "quantity", 2)));
            cartPost(cart, "/subtotal", null);
            Reply r = cartPost(cart, "/payments", List.of(obj("paymentCode", "31", "amount", 660)));
            Expect.on(r).num("/data/totalAmountWithTax", 660).num("/data/balanceAmount", 0).verify();
            expectLedger(Map.of("creditBalance", 0, "creditReserved", 660, "creditAvailable", 340));
            r = cartPost(cart, "/bill", null);
            Expect.on(r).num("/data/transactionNo", 3).verify();
            awaitLedger("creditBalance", 660);
            awaitLedger("pointsBalance", 7);
            expectLedger(Map.of("creditReserved", 0, "creditAvailable", 340));
        });
        steps.run("customer: cart: 550 on credit is refused beyond the limit (400 / 403008, cart unchanged); "
                + "tx 4 takes the 340 left on credit and 210 cash", () -> {
            String cart = customerCart();
            cartPost(cart, "/lineItems", List.of(obj("itemCode", BusinessDayTest.CROISSANT, "quantity", 2)));
            cartPost(cart, "/subtotal", null);
            Reply r = api.post(CART, "/api/v1/carts/" + cart + "/payments").bearer(terminalToken)
                    .json(List.of(obj("paymentCode", "31", "amount", 550))).call().expect(400);
            Expect.on(r).text("/userError/code", "403008").verify();
            r = api.get(CART, "/api/v1/carts/" + cart).bearer(terminalToken).call().expect(200);
            Expect.on(r).size("/data/payments", 0).num("/data/balanceAmount", 550).verify();
            expectLedger(Map.of("creditBalance", 660, "creditReserved", 0, "creditAvailable", 340));
            cartPost(cart, "/payments", List.of(obj("paymentCode", "31", "amount", 340)));
            expectLedger(Map.of("creditReserved", 340, "creditAvailable", 0));
            r = cartPost(cart, "/payments", List.of(obj("paymentCode", "01", "amount", 210)));
            Expect.on(r).num("/data/balanceAmount", 0).verify();
            r = cartPost(cart, "/bill", null);
            Expect.on(r).num("/data/transactionNo", 4).verify();
            awaitLedger("creditBalance", 1000);
            awaitLedger("pointsBalance", 12);
        });
    }

    private void repayAndReturn() {
        String customer = "/api/v1/tenants/" + tenant + "/customers/" + CUSTOMER;
        steps.run("customer: masterdata: repayment of 400 in the back office (retried with its id: posted once): owes 600",
                () -> {
            Map<String, Object> body = obj("amount", 400, "repaymentId", "E2E-REPAY-1", "reference", "paid at the office",
                    "storeCode", STORE);
            for (int attempt = 0; attempt < 2; attempt++) {
                Reply r = api.post(MASTERDATA, customer + "/credit/repayments").bearer(adminToken).json(body).call()
                        .expect(201);
                Expect.on(r).num("/data/creditBalance", 600).num("/data/creditAvailable", 400).verify();
            }
        });
        steps.run("customer: terminal: cash-in of 100 for " + CUSTOMER + " repays credit (posted from the cash log): owes 500",
                () -> {
            Reply r = api.post(TERMINAL, terminalPath("/cash-in")).bearer(terminalToken)
                    .json(obj("amount", 100, "customer_code", CUSTOMER, "repayment_id", "E2E-REPAY-2")).call().expect(200);
            Expect.on(r).num("/data/amount", 100).verify();
            awaitLedger("creditBalance", 500);
        });
        steps.check("customer: journal: both repayments are cash ins of the store: the back office's (terminal 0) "
                + "and the till's (terminal " + TERMINAL_NO + ")", () -> {
            String journals = "/api/v1/tenants/" + tenant + "/stores/" + STORE + "/journals";
            AtomicReference<String> last = new AtomicReference<>();
            try {
                await().atMost(eventsTimeout).pollInterval(Duration.ofMillis(500)).until(() -> {
                    Reply r = api.get(JOURNAL, journals).bearer(adminToken).query("keywords", CUSTOMER)
                            .query("transaction_types", 401).query("limit", 100).call();
                    last.set(r.body());
                    if (r.status() != 200 || r.json().at("/metadata/total").asInt() != 2) {
                        return false;
                    }
                    List<Integer> terminals = new java.util.ArrayList<>();
                    r.json().at("/data").forEach(j -> terminals.add(j.path("terminalNo").asInt()));
                    return terminals.containsAll(List.of(0, TERMINAL_NO));
                });
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("after " + eventsTimeout.toSeconds() + " s: " + last.get());
            }
        });
        steps.run("customer: cart: tx 5, return of tx 4 (340 back to credit, 210 cash): owes 160, 7 points", () -> {
            Reply r = api.post(CART, "/api/v1/tenants/" + tenant + "/stores/" + STORE + "/terminals/" + TERMINAL_NO
                            + "/transactions/4/return").bearer(terminalToken)
                    .json(List.of(obj("paymentCode", "31", "amount", 340), obj("paymentCode", "01", "amount", 210)))
                    .call().expect(200);
            Expect.on(r).num("/data/transactionType", 102).num("/data/transactionNo", 5)
                    .num("/data/totalAmountWithTax", 550).verify();
            awaitLedger("creditBalance", 160);
            awaitLedger("pointsBalance", 7);
            expectLedger(Map.of("creditLimit", CREDIT_LIMIT, "creditBalance", 160, "creditReserved", 0,
                    "creditAvailable", 840, "pointsBalance", 7, "pointsReserved", 0, "pointsAvailable", 7));
        });
        steps.run("customer: cart: tx 6, an offline sale to " + CUSTOMER + " on credit (132, flagged unchecked_credit:31), "
                + "uploaded twice: owes 292, 8 points", () -> {
            Map<String, Object> batch = obj("sales", List.of(obj("clientSaleId", UUID.randomUUID().toString(),
                    "localTime", OffsetDateTime.now().minusMinutes(10).truncatedTo(ChronoUnit.SECONDS).toString(),
                    "customerCode", CUSTOMER,
                    "lines", List.of(obj("itemCode", BusinessDayTest.BREZEL, "quantity", 1, "unitPrice", 120)),
                    "payments", List.of(obj("paymentCode", "31", "amount", 132)))));
            for (int upload = 0; upload < 2; upload++) {
                Reply r = api.post(CART, "/api/v1/carts/offline-sales").bearer(terminalToken).json(batch).call()
                        .expect(200);
                Expect.on(r).num("/data/accepted", 1).num("/data/sales/0/transactionNo", 6)
                        .num("/data/sales/0/totalAmountWithTax", 132)
                        .text("/data/sales/0/reviewReasons/0", "unchecked_credit:31").verify();
            }
            awaitLedger("creditBalance", 292);
            awaitLedger("pointsBalance", 8);
            expectLedger(Map.of("creditLimit", CREDIT_LIMIT, "creditBalance", 292, "creditReserved", 0,
                    "creditAvailable", 708, "pointsBalance", 8, "pointsReserved", 0, "pointsAvailable", 8));
        });
    }

    private void checkReports() {
        String reports = "/api/v1/tenants/" + tenant + "/reports/customers";
        steps.check("customer: masterdata: credit ageing 292 in 0-30 days on the day, in 31-60 days 45 days later", () -> {
            Reply r = api.get(MASTERDATA, reports + "/credit-ageing").bearer(adminToken).query("as_of", businessDate)
                    .call().expect(200);
            Expect.on(r).num("/data/totalOutstanding", 292).num("/data/days0To30", 292).num("/data/days31To60", 0)
                    .num("/data/customerCount", 1).text("/data/customers/0/customerCode", CUSTOMER)
                    .num("/data/customers/0/outstanding", 292).num("/data/customers/0/days0To30", 292).verify();
            String later = LocalDate.parse(businessDate, DateTimeFormatter.BASIC_ISO_DATE).plusDays(45)
                    .format(DateTimeFormatter.BASIC_ISO_DATE);
            r = api.get(MASTERDATA, reports + "/credit-ageing").bearer(adminToken).query("as_of", later).call().expect(200);
            Expect.on(r).num("/data/totalOutstanding", 292).num("/data/days0To30", 0).num("/data/days31To60", 292)
                    .num("/data/customers/0/days31To60", 292).verify();
        });
        steps.check("customer: masterdata: points liability 8 worth 8; top customer " + CUSTOMER + " 1474 in 5 sales", () -> {
            Reply r = api.get(MASTERDATA, reports + "/points-liability").bearer(adminToken).call().expect(200);
            Expect.on(r).num("/data/totalPoints", 8).num("/data/pointValue", 1).num("/data/totalValue", 8).verify();
            r = api.get(MASTERDATA, reports + "/top").bearer(adminToken).query("business_date_from", businessDate)
                    .query("business_date_to", businessDate).call().expect(200);
            Expect.on(r).text("/data/customers/0/customerCode", CUSTOMER).num("/data/customers/0/amount", 1474)
                    .num("/data/customers/0/saleCount", 5).verify();
        });
    }

    // ------------------------------------------------------------------------------------------ helpers

    private String customerCart() {
        Reply r = api.post(CART, "/api/v1/carts").bearer(terminalToken)
                .json(obj("transaction_type", 101, "user_id", "99", "user_name", "John Doe", "customer_code", CUSTOMER))
                .call().expect(201);
        return r.data().path("cartId").asText();
    }

    private Reply cartPost(String cartId, String suffix, Object body) {
        Api.Call call = api.post(CART, "/api/v1/carts/" + cartId + suffix).bearer(terminalToken);
        if (body != null) {
            call.json(body);
        }
        return call.call().expect(200);
    }

    private Reply ledger() {
        return api.get(MASTERDATA, "/api/v1/tenants/" + tenant + "/customers/" + CUSTOMER + "/ledger")
                .bearer(adminToken).call().expect(200);
    }

    private void expectLedger(Map<String, Object> figures) {
        Expect e = Expect.on(ledger());
        figures.forEach((field, value) -> e.num("/data/" + field, value));
        e.verify();
    }

    /** The ledger is posted from the tranlog: waits until {@code field} shows {@code expected}. */
    private void awaitLedger(String field, int expected) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        try {
            await().atMost(eventsTimeout).pollInterval(Duration.ofMillis(300)).until(() -> {
                last.set(ledger().data());
                BigDecimal value = Expect.decimal(last.get().path(field));
                return value != null && value.compareTo(BigDecimal.valueOf(expected)) == 0;
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(field + " never became " + expected + " within " + eventsTimeout.toSeconds()
                    + " s; last ledger: " + last.get());
        }
    }

    private void functionMode(String mode) {
        Reply r = api.patch(TERMINAL, terminalPath("/function_mode")).bearer(terminalToken)
                .json(obj("function_mode", mode)).call().expect(200);
        Expect.on(r).text("/data/functionMode", mode).verify();
    }

    private String terminalPath(String suffix) {
        return "/api/v1/terminals/" + terminalId + suffix;
    }
}
