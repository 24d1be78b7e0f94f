package dev.kassa.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One virtual terminal's sale against the cart service (kugel-flows.md §3, terminal JWT variant): create a
 * cart, add each item in its own request, subtotal, pay cash with change, bill. The first failed request
 * abandons the cart; the loop then starts a new sale.
 */
final class SaleLoop {

    /** Told about each successful bill, for the bill-to-Kafka latency. */
    @FunctionalInterface
    interface BillListener {
        BillListener NONE = (terminalId, transactionNo, nanos, measured) -> { };

        void billed(String terminalId, String transactionNo, long nanos, boolean measured);
    }

    private final URI cartBase;
    private final List<String> itemCodes;
    private final Provisioner.BenchTerminal terminal;
    private final BillListener bills;
    private final String auth;
    private final HttpRequest create;

    /** {@code cartBase}: scheme, host and port of the cart service, without a path. */
    SaleLoop(URI cartBase, List<String> itemCodes, Provisioner.BenchTerminal terminal, BillListener bills) {
        this.cartBase = cartBase;
        this.itemCodes = List.copyOf(itemCodes);
        this.terminal = terminal;
        this.bills = bills;
        this.auth = "Bearer " + terminal.token();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("transaction_type", 101);
        body.put("user_id", "bench");
        body.put("user_name", "Bench");
        this.create = post("/api/v1/carts", body);
    }

    void sale(LoadPhase.Session s) throws InterruptedException {
        long start = System.nanoTime();
        Http.Reply created = s.call("create", create, "cartId");
        if (created == null) {
            return;
        }
        String cart = "/api/v1/carts/" + created.data("cartId");
        for (String item : itemCodes) {
            if (s.call("add-item", post(cart + "/lineItems", List.of(Map.of("itemCode", item, "quantity", 1))),
                    null) == null) {
                return;
            }
        }
        Http.Reply subtotal = s.call("subtotal", post(cart + "/subtotal", null), null);
        if (subtotal == null) {
            return;
        }
        long cash = cashFor(subtotal.data("balanceAmount"), itemCodes.size());
        Map<String, Object> payment = new LinkedHashMap<>();
        payment.put("paymentCode", "01");
        payment.put("amount", cash);
        payment.put("detail", "bench");
        if (s.call("pay", post(cart + "/payments", List.of(payment)), null) == null) {
            return;
        }
        Http.Reply bill = s.call("bill", post(cart + "/bill", null), "transactionNo");
        if (bill == null) {
            return;
        }
        long end = s.lastEnd();
        s.completed(start, end);
        bills.billed(terminal.terminalId(), bill.data("transactionNo"), end, s.measured(start, end));
    }

    /**
     * Cash that covers the balance with change: the next thousand above the balance (the contract's payment
     * amount is a whole number). Without a readable balance: an amount far above what the bench's items cost.
     */
    static long cashFor(String balance, int items) {
        BigDecimal due;
        try {
            due = new BigDecimal(balance);
        } catch (NumberFormatException e) {
            return 10_000L * (items + 1) * (1 + items / 10);
        }
        return due.divide(BigDecimal.valueOf(1000), 0, RoundingMode.FLOOR).add(BigDecimal.ONE)
                .multiply(BigDecimal.valueOf(1000)).longValueExact();
    }

    private HttpRequest post(String path, Object body) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(Http.json(body));
        return HttpRequest.newBuilder(cartBase.resolve(path))
                .timeout(Http.REQUEST_TIMEOUT)
                .header("Authorization", auth)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(publisher)
                .build();
    }
}
