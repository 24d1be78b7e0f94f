package dev.kassa.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sale loop and the load phase against a small stand-in for the cart service (JDK HttpServer) that
 * answers the contract's shapes and checks what the bench sends.
 */
class SaleLoopTest {

    private static final List<String> ITEMS = List.of("BENCH-001", "BENCH-002", "BENCH-003", "BENCH-004", "BENCH-005");

    private HttpServer server;
    private URI base;
    private final AtomicLong transactionNo = new AtomicLong();
    private final AtomicLong bills = new AtomicLong();
    private final AtomicLong wrongRequests = new AtomicLong();
    private final ConcurrentHashMap<String, Integer> lines = new ConcurrentHashMap<>();
    private volatile int failEveryNthBill;

    @BeforeEach
    void start() throws IOException {
        // Without it the JDK server's separate header and body writes meet delayed ACKs: ~40 ms a request.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (path.equals("/") && ex.getRequestMethod().equals("GET")) {
            reply(ex, 200, "{\"message\":\"cart\"}");
            return;
        }
        if (!"Bearer jwt-7".equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            wrongRequests.incrementAndGet();
            reply(ex, 401, "{\"success\":false}");
            return;
        }
        if (path.equals("/api/v1/carts")) {
            JsonNode b = Http.MAPPER.readTree(body);
            if (b.path("transaction_type").asInt() != 101) {
                wrongRequests.incrementAndGet();
            }
            String id = "cart-" + System.nanoTime();
            lines.put(id, 0);
            reply(ex, 201, "{\"success\":true,\"code\":201,\"data\":{\"cartId\":\"" + id + "\"}}");
            return;
        }
        String[] parts = path.split("/"); // "", api, v1, carts, {id}, op
        String cart = parts[4];
        switch (parts[5]) {
            case "lineItems" -> {
                JsonNode b = Http.MAPPER.readTree(body);
                if (!b.isArray() || b.size() != 1 || b.get(0).path("quantity").asInt() != 1
                        || !b.get(0).path("itemCode").asText().startsWith("BENCH-")) {
                    wrongRequests.incrementAndGet();
                }
                lines.merge(cart, 1, Integer::sum);
                reply(ex, 200, "{\"success\":true,\"data\":{\"cartId\":\"" + cart + "\"}}");
            }
            case "subtotal" -> {
                if (lines.get(cart) != ITEMS.size()) {
                    wrongRequests.incrementAndGet();
                }
                reply(ex, 200, "{\"success\":true,\"data\":{\"cartStatus\":\"Paying\",\"balanceAmount\":770}}");
            }
            case "payments" -> {
                JsonNode p = Http.MAPPER.readTree(body).get(0);
                if (!p.path("paymentCode").asText().equals("01") || p.path("amount").asLong() != 1000) {
                    wrongRequests.incrementAndGet();
                }
                reply(ex, 200, "{\"success\":true,\"data\":{\"changeAmount\":230,\"balanceAmount\":0}}");
            }
            case "bill" -> {
                long n = bills.incrementAndGet();
                if (failEveryNthBill > 0 && n % failEveryNthBill == 0) {
                    reply(ex, 500, "{\"success\":false,\"code\":500,\"userError\":{\"code\":\"900999\"}}");
                } else {
                    reply(ex, 200, "{\"success\":true,\"data\":{\"cartStatus\":\"Completed\",\"transactionNo\":"
                            + transactionNo.incrementAndGet() + "}}");
                }
            }
            default -> reply(ex, 404, "{}");
        }
    }

    private static void reply(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    private LoadPhase.Result sales(int terminals, ByteArrayOutputStream log, BillMatcher matcher)
            throws InterruptedException {
        Provisioner.BenchTerminal terminal = new Provisioner.BenchTerminal("B1-0001-7", 7, "jwt-7");
        try (Http http = new Http()) {
            return new LoadPhase(http, new PrintStream(log, true, StandardCharsets.UTF_8)).run("test", terminals,
                    Duration.ofSeconds(2), Duration.ofSeconds(2), Report.SALE_OPS,
                    i -> new SaleLoop(base, ITEMS, terminal, (id, no, nanos, measured) ->
                            matcher.billed(BillMatcher.key(id, no), nanos, measured))::sale);
        }
    }

    @Test
    void wholeSalesAreMeasuredPerOperation() throws InterruptedException {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        BillMatcher matcher = new BillMatcher();
        LoadPhase.Result r = sales(4, log, matcher);
        LatencyTable t = r.table();

        assertEquals(0, wrongRequests.get(), "requests the cart would refuse");
        assertEquals(0, t.totalErrors(), log.toString());
        assertEquals(0, r.warmupErrors());
        long billed = t.count("bill");
        assertTrue(billed >= 4, "bills measured: " + billed + "; " + Report.SALE_OPS.stream()
                .map(op -> op + " " + t.count(op) + " p50 " + t.percentileMillis(op, 50)).toList() + "\n" + log);
        // sales cut by the window's edges: at most one per terminal at each end
        assertTrue(r.completed() <= billed && r.completed() >= billed - 4, r.completed() + " of " + billed);
        long items = t.count("add-item");
        assertTrue(items >= 5 * (billed - 4) && items <= 5 * (billed + 4), items + " items, " + billed + " bills");
        assertEquals(2.0, r.measuredSeconds(), 1e-9);
        assertEquals(r.completed() / 2.0, r.perSecond(r.completed()), 1e-9);
        // every measured bill reached the listener with its transaction number
        assertTrue(matcher.result().bills() >= r.completed(), matcher.result().bills() + " vs " + r.completed());
        assertTrue(t.percentileMillis("add-item", 99) > 0);
    }

    @Test
    void failedRequestsAreCountedAndTheFirstArePrinted() throws InterruptedException {
        failEveryNthBill = 3;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        LoadPhase.Result r = sales(2, log, new BillMatcher());
        LatencyTable t = r.table();
        assertTrue(t.errors("bill") > 0, log.toString());
        assertEquals(t.errors("bill"), t.totalErrors());
        String printed = log.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("(bill"), printed);
        assertTrue(printed.contains("HTTP 500 {\"success\":false,\"code\":500,\"userError\":{\"code\":\"900999\"}}"),
                printed);
        long shown = printed.lines().filter(l -> l.startsWith("  error ")).count();
        assertEquals(Math.min(LoadPhase.ERRORS_PRINTED, t.totalErrors() + r.warmupErrors()), shown, printed);
    }

    @Test
    void theFloorPhaseCountsOneOperation() throws InterruptedException {
        try (Http http = new Http()) {
            var request = java.net.http.HttpRequest.newBuilder(base.resolve("/")).GET().build();
            LoadPhase.Result r = new LoadPhase(http, new PrintStream(new ByteArrayOutputStream())).run("floor", 3,
                    Duration.ofSeconds(1), Duration.ofSeconds(1), List.of(Report.FLOOR_OP),
                    i -> s -> s.call(Report.FLOOR_OP, request, null));
            assertTrue(r.table().count(Report.FLOOR_OP) > 3, "floor requests: " + r.table().count(Report.FLOOR_OP));
            assertEquals(0, r.table().totalErrors());
        }
    }

    @Test
    void cashCoversTheBalanceWithChange() {
        assertEquals(1000, SaleLoop.cashFor("220", 5));
        assertEquals(1000, SaleLoop.cashFor("999.5", 5));
        assertEquals(2000, SaleLoop.cashFor("1000", 5));
        assertEquals(1000, SaleLoop.cashFor("0", 5));
        assertEquals(60_000, SaleLoop.cashFor("", 5));
    }
}
