package dev.kassa.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One virtual terminal's sale against the cart service (kugel-flows.md §3, terminal JWT variant), one request
 * per step: create a cart, add each item in its own request (each followed by a request for recommendations
 * when asked to), subtotal, pay cash with change, bill. A failed step abandons the cart; the next step then
 * starts a new sale. Used on the event loop only.
 */
final class SaleLoop implements LoadPhase.Loop {

    /** Told about each successful bill, for the bill-to-Kafka latency. */
    @FunctionalInterface
    interface BillListener {
        BillListener NONE = (terminalId, transactionNo, nanos, measured) -> { };

        void billed(String terminalId, String transactionNo, long nanos, boolean measured);
    }

    private final URI cartBase;
    private final List<byte[]> itemBodies;
    private final Provisioner.BenchTerminal terminal;
    private final BillListener bills;
    private final Map<String, String> headers;
    private final LoadPhase.Step create;
    /** Requests per item: add-item, and recommend when asked for. */
    private final int perItem;
    private int step;
    private String cartPath;
    private long cash;

    /** {@code cartBase}: scheme, host and port of the cart service, without a path. */
    SaleLoop(URI cartBase, List<String> itemCodes, Provisioner.BenchTerminal terminal, BillListener bills,
             boolean recommend) {
        this.cartBase = cartBase;
        this.itemBodies = itemCodes.stream().map(code -> Http.json(List.of(Map.of("itemCode", code, "quantity", 1))))
                .toList();
        this.terminal = terminal;
        this.bills = bills;
        this.perItem = recommend ? 2 : 1;
        this.headers = Map.of("Authorization", "Bearer " + terminal.token());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("transaction_type", 101);
        body.put("user_id", "bench");
        body.put("user_name", "Bench");
        this.create = new LoadPhase.Step("create", post("/api/v1/carts", Http.json(body)), "cartId");
    }

    @Override
    public LoadPhase.Step next() {
        int itemSteps = itemBodies.size() * perItem;
        if (step == 0) {
            return create;
        }
        if (step <= itemSteps) {
            if ((step - 1) % perItem == 1) {
                return new LoadPhase.Step("recommend", get(cartPath + "/recommendations?limit=5"), null);
            }
            return new LoadPhase.Step("add-item", post(cartPath + "/lineItems", itemBodies.get((step - 1) / perItem)),
                    null);
        }
        if (step == itemSteps + 1) {
            return new LoadPhase.Step("subtotal", post(cartPath + "/subtotal", null), null);
        }
        if (step == itemSteps + 2) {
            Map<String, Object> payment = new LinkedHashMap<>();
            payment.put("paymentCode", "01");
            payment.put("amount", cash);
            payment.put("detail", "bench");
            return new LoadPhase.Step("pay", post(cartPath + "/payments", Http.json(List.of(payment))), null);
        }
        return new LoadPhase.Step("bill", post(cartPath + "/bill", null), "transactionNo");
    }

    @Override
    public boolean accept(Http.Reply reply, long nanos, boolean measured) {
        int items = itemBodies.size();
        int itemSteps = items * perItem;
        if (step == 0) {
            cartPath = "/api/v1/carts/" + reply.data("cartId");
        } else if (step == itemSteps + 1) {
            cash = cashFor(reply.data("balanceAmount"), items);
        } else if (step == itemSteps + 3) {
            bills.billed(terminal.terminalId(), reply.data("transactionNo"), nanos, measured);
            step = 0;
            return true;
        }
        step++;
        return false;
    }

    @Override
    public void abandon() {
        step = 0;
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

    private Http.Request get(String path) {
        return new Http.Request(io.vertx.core.http.HttpMethod.GET, cartBase.resolve(path), headers, null);
    }

    private Http.Request post(String path, byte[] body) {
        return Http.Request.post(cartBase.resolve(path), body == null ? null : io.vertx.core.buffer.Buffer.buffer(body),
                "application/json", headers);
    }
}
