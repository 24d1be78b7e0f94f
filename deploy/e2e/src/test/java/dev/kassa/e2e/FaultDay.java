package dev.kassa.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.e2e.Api.Reply;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static dev.kassa.e2e.BusinessDayTest.obj;

/**
 * The small business day the fault suite plays for one tenant: stores 5678 (terminals 1 and 2) and 5679
 * (terminal 1), each terminal played by a till script of its own, all at the same time. A till retries a
 * call that fails with a 5xx or no answer at all, as a real one would, until it succeeds (at most
 * {@link #TILL_PATIENCE}); a 4xx ends the day with the exchange.
 *
 * <pre>
 * per tenant: staff S001, items 49-01 Brezel 120 (001, tax 01 external 10 %), 49-02 Croissant 250 (001, 01),
 *             49-03 Apfelsaft 330 (002, tax 02 internal 10 %); payments 01 cash, 11 cashless;
 *             stock 100 of each item in each store
 * per terminal: open 50000, cash in 10000, cash out 5000,
 *   sale 1  2 x 49-01 + 1 x 49-03, cash 5000
 *   sale 2  1 x 49-02, cash 5000
 *   sale 3  3 x 49-01 + 2 x 49-02, cashless for the exact total
 *   tx 4    return of sale 1, tx 5 void of sale 2 (cash back, the sales' payment); close with physical 55000
 * </pre>
 * Events per tenant: 15 tranlogs (3 terminals x 5), 9 cash logs (float, in, out), 6 open/close logs.
 */
final class FaultDay {

    static final String STAFF = "S001";
    static final String PASSWORD = "e2e-Pa55word";
    static final List<String> STORES = List.of("5678", "5679");
    static final List<String> ITEMS = List.of("49-01", "49-02", "49-03");
    /** The terminals of the day, store and number. */
    static final List<Terminal> TERMINALS = List.of(new Terminal("5678", 1), new Terminal("5678", 2),
            new Terminal("5679", 1));
    static final int TRANLOGS = 15;
    static final int CASHLOGS = 9;
    static final int OPENCLOSELOGS = 6;
    static final int BILLS = 9;
    static final Duration TILL_PATIENCE = Duration.ofSeconds(150);

    record Terminal(String store, int no) {
    }

    /** What a scenario changes in the day. */
    static final class Options {
        /** Sale 3 of the tenant's first terminal is billed by 20 concurrent requests. */
        boolean concurrentBill;
        /** The first terminal of this tenant attempts a cart of 1,001 lines (one request), to be refused. */
        volatile String hugeCartTenant;
        /** Counts the bills of every day playing with these options (a fault waits for a number of them). */
        final AtomicInteger bills = new AtomicInteger();
        /** Problems the day saw that are not differences of the figures (5xx of a concurrent bill, ...). */
        final List<String> problems = Collections.synchronizedList(new ArrayList<>());
        /** How many calls a till had to repeat. */
        final AtomicInteger retries = new AtomicInteger();
    }

    final String tenant;
    final Options options;
    private final Api api;
    String adminToken;
    String businessDate;

    FaultDay(Api api, String tenant, Options options) {
        this.api = api;
        this.tenant = tenant;
        this.options = options;
    }

    // ------------------------------------------------------------------------------------ set-up

    void bootstrap() throws Exception {
        api.post(BusinessDayTest.ACCOUNT, "/api/v1/accounts/register")
                .json(obj("username", "admin", "password", PASSWORD, "tenant_id", tenant)).call().expect(201);
        adminToken = api.post(BusinessDayTest.ACCOUNT, "/api/v1/accounts/token")
                .form(Map.of("username", "admin", "password", PASSWORD, "client_id", tenant)).call().expect(200)
                .json().path("access_token").asText();
        // 503 407201 names the service that failed; repeating completes the set-up.
        till(() -> api.post(BusinessDayTest.TERMINAL, "/api/v1/tenants").bearer(adminToken)
                .json(obj("tenant_id", tenant, "tenant_name", "Fault tenant", "tags", List.of("e2e"))).call()).expect(201);
        for (String store : STORES) {
            api.post(BusinessDayTest.TERMINAL, "/api/v1/tenants/" + tenant + "/stores").bearer(adminToken)
                    .json(obj("store_code", store, "store_name", "Store " + store, "tags", List.of("e2e"))).call()
                    .expect(201);
        }
        String md = "/api/v1/tenants/" + tenant;
        api.post(BusinessDayTest.MASTERDATA, md + "/staff").bearer(adminToken)
                .json(obj("id", STAFF, "name", "Staff One", "pin", "1234", "roles", List.of("staff"))).call().expect(201);
        for (String[] c : new String[][] {{"001", "Bakery", "01"}, {"002", "Drinks", "02"}}) {
            api.post(BusinessDayTest.MASTERDATA, md + "/categories").bearer(adminToken)
                    .json(obj("categoryCode", c[0], "description", c[1], "descriptionShort", c[1], "taxCode", c[2]))
                    .call().expect(201);
        }
        Object[][] items = {{"49-01", "Brezel", 120, "001", "01"}, {"49-02", "Croissant", 250, "001", "01"},
                {"49-03", "Apfelsaft", 330, "002", "02"}};
        for (Object[] i : items) {
            api.post(BusinessDayTest.MASTERDATA, md + "/items").bearer(adminToken)
                    .json(obj("itemCode", i[0], "description", i[1], "unitPrice", i[2], "unitCost", 50,
                            "itemDetails", List.of(), "imageUrls", List.of(), "categoryCode", i[3], "taxCode", i[4],
                            "isDiscountRestricted", false)).call().expect(201);
        }
        for (String[] p : new String[][] {{"01", "Cash", "true"}, {"11", "Cashless", "false"}}) {
            boolean cash = Boolean.parseBoolean(p[2]);
            api.post(BusinessDayTest.MASTERDATA, md + "/payments").bearer(adminToken)
                    .json(obj("paymentCode", p[0], "description", p[1], "limitAmount", 0, "canRefund", cash,
                            "canDepositOver", cash, "canChange", cash, "isActive", true)).call().expect(201);
        }
        for (String store : STORES) {
            for (String item : ITEMS) {
                api.put(BusinessDayTest.STOCK, "/api/v1/tenants/" + tenant + "/stores/" + store + "/stock/" + item
                        + "/update").bearer(adminToken).json(obj("quantityChange", 100, "updateType", "initial"))
                        .call().expect(200);
            }
        }
    }

    /** The tills of this tenant, ready to be run (each creates its terminal, then plays its day). */
    List<Callable<Void>> tills() {
        List<Callable<Void>> tills = new ArrayList<>();
        for (Terminal t : TERMINALS) {
            tills.add(() -> {
                new Till(t).play();
                return null;
            });
        }
        return tills;
    }

    /** Plays the tills of every day at the same time; throws the first failure. */
    static void playAll(List<FaultDay> days) throws Exception {
        List<Callable<Void>> all = new ArrayList<>();
        days.forEach(d -> all.addAll(d.tills()));
        ExecutorService pool = Executors.newFixedThreadPool(all.size());
        try {
            List<Future<Void>> futures = pool.invokeAll(all);
            for (Future<Void> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------------------------ one till

    private final class Till {
        private final Terminal t;
        private final String terminalId;
        private String token;

        Till(Terminal t) {
            this.t = t;
            this.terminalId = tenant + "-" + t.store() + "-" + t.no();
        }

        void play() throws Exception {
            Reply r = till(() -> api.post(BusinessDayTest.TERMINAL, "/api/v1/terminals").bearer(adminToken)
                    .json(obj("store_code", t.store(), "terminal_no", t.no(), "description", "Till " + t.no())).call());
            String apiKey = r.expect(201).data().path("apiKey").asText();
            token = till(() -> api.post(BusinessDayTest.TERMINAL, "/api/v1/auth/token").query("terminal_id", terminalId)
                    .header("X-API-KEY", apiKey).call()).expect(200).data().path("access_token").asText();
            functionMode("OpenTerminal");
            token = newToken(till(() -> api.post(BusinessDayTest.TERMINAL, path("/sign-in")).bearer(token)
                    .json(obj("staff_id", STAFF)).call()).expect(200));
            r = till(() -> api.post(BusinessDayTest.TERMINAL, path("/open")).bearer(token)
                    .json(obj("initial_amount", 50000)).call()).expect(200);
            token = newToken(r);
            synchronized (FaultDay.this) {
                businessDate = r.data().path("businessDate").asText();
            }
            functionMode("Sales");
            till(() -> api.post(BusinessDayTest.TERMINAL, path("/cash-in")).bearer(token)
                    .json(obj("amount", 10000, "description", "cash in")).call()).expect(200);
            till(() -> api.post(BusinessDayTest.TERMINAL, path("/cash-out")).bearer(token)
                    .json(obj("amount", 5000, "description", "cash out")).call()).expect(200);

            if (tenant.equals(options.hugeCartTenant) && t.equals(TERMINALS.get(0))) {
                hugeCart();
            }
            JsonNode sale1 = sale(List.of(obj("itemCode", "49-01", "quantity", 2), obj("itemCode", "49-03", "quantity", 1)),
                    "01", false);
            JsonNode sale2 = sale(List.of(obj("itemCode", "49-02", "quantity", 1)), "01", false);
            sale(List.of(obj("itemCode", "49-01", "quantity", 3), obj("itemCode", "49-02", "quantity", 2)), "11",
                    options.concurrentBill && t.equals(TERMINALS.get(0)));

            String tx = "/api/v1/tenants/" + tenant + "/stores/" + t.store() + "/terminals/" + t.no() + "/transactions/";
            long n1 = sale1.path("transactionNo").asLong();
            long n2 = sale2.path("transactionNo").asLong();
            till(() -> api.post(BusinessDayTest.CART, tx + n1 + "/return").bearer(token)
                    .json(List.of(obj("paymentCode", "01", "amount", sale1.path("totalAmountWithTax").decimalValue())))
                    .call()).expect(200);
            till(() -> api.post(BusinessDayTest.CART, tx + n2 + "/void").bearer(token)
                    .json(List.of(obj("paymentCode", "01", "amount", sale2.path("totalAmountWithTax").decimalValue())))
                    .call()).expect(200);

            functionMode("CloseTerminal");
            token = newToken(till(() -> api.post(BusinessDayTest.TERMINAL, path("/close")).bearer(token)
                    .json(obj("physical_amount", 55000)).call()).expect(200));
        }

        /**
         * 1,001 lines (one more than a cart may hold) in one request: refused with a 4xx. The cart is left as it
         * is (neither billed nor cancelled), so that it adds no event to the day.
         */
        private void hugeCart() throws Exception {
            String cart = till(() -> api.post(BusinessDayTest.CART, "/api/v1/carts").bearer(token)
                    .json(obj("transaction_type", 101, "user_id", "99", "user_name", "Till")).call()).expect(201)
                    .data().path("cartId").asText();
            List<Map<String, Object>> lines = new ArrayList<>();
            for (int i = 0; i < 1001; i++) {
                lines.add(obj("itemCode", "49-01", "quantity", 1));
            }
            Reply r = api.post(BusinessDayTest.CART, "/api/v1/carts/" + cart + "/lineItems").bearer(token).json(lines).call();
            if (r.status() < 400 || r.status() >= 500) {
                options.problems.add("a cart of 1,001 lines (one request) answered HTTP " + r.status() + " (expected a 4xx)");
            }
        }

        /** One sale: lines, subtotal, one payment (cash 5000, or cashless for the total), bill. */
        private JsonNode sale(List<Map<String, Object>> lines, String payment, boolean concurrentBill) throws Exception {
            String cart = till(() -> api.post(BusinessDayTest.CART, "/api/v1/carts").bearer(token)
                    .json(obj("transaction_type", 101, "user_id", "99", "user_name", "Till")).call()).expect(201)
                    .data().path("cartId").asText();
            cartCall(cart, "/lineItems", lines);
            Reply r = cartCall(cart, "/subtotal", null);
            Object amount = "01".equals(payment) ? 5000 : r.data().path("balanceAmount").decimalValue();
            cartCall(cart, "/payments", List.of(obj("paymentCode", payment, "amount", amount)));
            Reply bill = concurrentBill ? concurrentBills(cart) : cartCall(cart, "/bill", null);
            options.bills.incrementAndGet();
            return bill.data();
        }

        /**
         * 20 bills of one cart at once: each must answer the finished transaction (200, one transaction
         * number) or a 4xx, never a 5xx; then the cart as the terminal reads it.
         */
        private Reply concurrentBills(String cart) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(20);
            List<Reply> replies = new ArrayList<>();
            try {
                List<Callable<Reply>> bills = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    bills.add(() -> api.post(BusinessDayTest.CART, "/api/v1/carts/" + cart + "/bill").bearer(token).call());
                }
                for (Future<Reply> f : pool.invokeAll(bills)) {
                    replies.add(f.get());
                }
            } finally {
                pool.shutdownNow();
            }
            Map<Integer, Long> statuses = new java.util.TreeMap<>();
            replies.forEach(r -> statuses.merge(r.status(), 1L, Long::sum));
            long fives = replies.stream().filter(r -> r.status() >= 500).count();
            List<Long> numbers = replies.stream().filter(r -> r.status() == 200)
                    .map(r -> r.data().path("transactionNo").asLong()).distinct().toList();
            if (fives > 0 || numbers.size() != 1) {
                options.problems.add("20 concurrent bills of one cart answered " + statuses + " with transaction numbers "
                        + numbers + (fives > 0 ? " (5xx: " + Reply.brief(replies.stream().filter(r -> r.status() >= 500)
                        .findFirst().orElseThrow().body(), 200) + ")" : ""));
            }
            // The finished transaction (its number is what the day goes on with), else the cart as it stands.
            for (Reply r : replies) {
                if (r.status() == 200) {
                    return r;
                }
            }
            return till(() -> api.get(BusinessDayTest.CART, "/api/v1/carts/" + cart).bearer(token).call()).expect(200);
        }

        private Reply cartCall(String cart, String suffix, Object body) throws Exception {
            return till(() -> {
                Api.Call call = api.post(BusinessDayTest.CART, "/api/v1/carts/" + cart + suffix).bearer(token);
                if (body != null) {
                    call.json(body);
                }
                return call.call();
            }).expect(200);
        }

        private void functionMode(String mode) throws Exception {
            till(() -> api.patch(BusinessDayTest.TERMINAL, path("/function_mode")).bearer(token)
                    .json(obj("function_mode", mode)).call()).expect(200);
        }

        private String path(String suffix) {
            return "/api/v1/terminals/" + terminalId + suffix;
        }
    }

    /**
     * A call as a till makes it: repeated while the answer is a 5xx or there is none (connection refused, a
     * timeout), every second, for at most {@link #TILL_PATIENCE}.
     */
    Reply till(Supplier<Reply> call) throws Exception {
        long deadline = System.nanoTime() + TILL_PATIENCE.toNanos();
        String last = "";
        while (true) {
            try {
                Reply r = call.get();
                if (r.status() < 500) {
                    return r;
                }
                last = r.describe();
            } catch (Exception e) {
                // REST Assured rethrows a refused connection (a checked exception) undeclared
                last = e.toString();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still failing after " + TILL_PATIENCE.toSeconds() + " s:\n" + last);
            }
            options.retries.incrementAndGet();
            Thread.sleep(1000);
        }
    }

    private static String newToken(Reply r) {
        String token = r.header("X-New-Token");
        if (token == null || token.isBlank()) {
            throw new AssertionError("no X-New-Token header in the answer\n" + r.describe());
        }
        return token;
    }
}
