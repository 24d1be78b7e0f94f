package dev.kassa.cart.api;

import dev.kassa.masterdata.grpc.v1.ItemDetailRequest;
import dev.kassa.masterdata.grpc.v1.ItemDetailResponse;
import dev.kassa.masterdata.grpc.v1.ItemServiceGrpc;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.server.GrpcServer;
import dev.kassa.recommendation.grpc.v1.Reason;
import dev.kassa.recommendation.grpc.v1.RecommendResponse;
import dev.kassa.recommendation.grpc.v1.Recommendation;
import dev.kassa.recommendation.grpc.v1.RecommendationServiceGrpc;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test double of the master-data service on one port: gRPC ItemService (HTTP/2) and the REST
 * lists the cart reads (payments, taxes, promotions, settings). Items: {@code 49-01} (Item1,
 * common 120, store 100, category 001, tax 01), {@code P<price>-<anything>} (that price, tax
 * 01), {@code FAIL-<anything>} an INTERNAL error (a fault on that one item), everything else unknown. {@link #takeDown()} makes it drop every connection (a system
 * property, shared by the test's class loaders) until {@link #bringUp()}.
 * <p>
 * It also serves the recommendation service's {@code Recommend}: for any question it answers the
 * question's first item (which the cart must drop), {@code R-1} (co-purchase, 0.9), {@code R-2} and
 * {@code R-3} (popular, 0.5 and 0.25), and remembers the question ({@link #lastRecommendQuestion()}).
 * {@link #recommendations(String)} switches it to {@code down} (connection dropped) or {@code slow}
 * (no answer for 10 s).
 * <p>
 * And master data's {@code CustomerLedger} (credit and points holds), see {@link LedgerDouble}; its
 * payment masters include {@code 21} Points and {@code 31} Credit, a point is worth 2.
 */
public class MasterDataDouble implements QuarkusTestResourceLifecycleManager {
    static final String DOWN = "kassa.test.masterdata.down";
    static final String ITEM_CALLS = "kassa.test.masterdata.item-calls";
    private static final AtomicLong CALLS = new AtomicLong();

    static final String RECOMMEND_MODE = "kassa.test.recommendation.mode";
    static final String RECOMMEND_QUESTION = "kassa.test.recommendation.question";

    static final String API_KEY = "cart-test-terminal-key-0123456789abcdefghij";

    private Vertx vertx;

    public static void takeDown() {
        System.setProperty(DOWN, "true");
    }

    public static void bringUp() {
        System.clearProperty(DOWN);
    }

    /** {@code up} (the default), {@code down} or {@code slow}. */
    public static void recommendations(String mode) {
        System.setProperty(RECOMMEND_MODE, mode);
    }

    /** The last Recommend question: "tenant|store|items,comma,separated|limit|authorization". */
    public static String lastRecommendQuestion() {
        return System.getProperty(RECOMMEND_QUESTION, "");
    }

    /** gRPC item lookups answered so far (across class loaders). */
    public static long itemCalls() {
        return Long.parseLong(System.getProperty(ITEM_CALLS, "0"));
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        GrpcServer grpc = GrpcServer.server(vertx);
        grpc.callHandler(ItemServiceGrpc.getGetItemDetailMethod(), call -> call.handler(req -> {
            System.setProperty(ITEM_CALLS, String.valueOf(CALLS.incrementAndGet()));
            ItemDetailResponse item = item(req);
            if (req.getItemCode().startsWith("FAIL-")) {
                call.response().status(GrpcStatus.INTERNAL).end();
            } else if (item == null) {
                call.response().status(GrpcStatus.NOT_FOUND).end();
            } else {
                call.response().end(item);
            }
        }));
        grpc.callHandler(RecommendationServiceGrpc.getRecommendMethod(), call -> call.handler(req -> {
            System.setProperty(RECOMMEND_QUESTION, String.join("|", req.getTenantId(), req.getStoreCode(),
                    String.join(",", req.getItemCodesList()), String.valueOf(req.getLimit()),
                    String.valueOf(call.headers().get("authorization"))));
            RecommendResponse.Builder answer = RecommendResponse.newBuilder();
            if (req.getItemCodesCount() > 0) {
                answer.addRecommendations(recommendation(req.getItemCodes(0), 0.95, Reason.CO_PURCHASE));
            }
            answer.addRecommendations(recommendation("R-1", 0.9, Reason.CO_PURCHASE))
                    .addRecommendations(recommendation("R-2", 0.5, Reason.POPULAR))
                    .addRecommendations(recommendation("R-3", 0.25, Reason.POPULAR));
            if ("slow".equals(System.getProperty(RECOMMEND_MODE))) {
                vertx.setTimer(10_000, id -> call.response().end(answer.build()));
            } else {
                call.response().end(answer.build());
            }
        }));
        LedgerDouble.register(grpc);
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHttp2ClearTextEnabled(true))
                .requestHandler(req -> {
                    boolean recommend = req.path().startsWith("/kassa.recommendation.");
                    if (Boolean.getBoolean(DOWN) || recommend && "down".equals(System.getProperty(RECOMMEND_MODE))
                            || LedgerDouble.isDown(req)) {
                        req.connection().close();
                        return;
                    }
                    String type = req.getHeader("content-type");
                    if (type != null && type.startsWith("application/grpc")) {
                        grpc.handle(req);
                    } else {
                        rest(req);
                    }
                });
        int port;
        try {
            port = server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS)
                    .actualPort();
        } catch (Exception e) {
            throw new IllegalStateException("Master data double did not start", e);
        }
        return Map.ofEntries(Map.entry("quarkus.grpc.clients.ledger.host", "127.0.0.1"),
                Map.entry("quarkus.grpc.clients.ledger.port", String.valueOf(port)),
                Map.entry("quarkus.grpc.clients.ledger.test-port", String.valueOf(port)),
                Map.entry("quarkus.grpc.clients.masterdata.host", "127.0.0.1"),
                Map.entry("quarkus.grpc.clients.masterdata.port", String.valueOf(port)),
                Map.entry("quarkus.grpc.clients.masterdata.test-port", String.valueOf(port)),
                Map.entry("quarkus.grpc.clients.recommendation.host", "127.0.0.1"),
                Map.entry("quarkus.grpc.clients.recommendation.port", String.valueOf(port)),
                Map.entry("quarkus.grpc.clients.recommendation.test-port", String.valueOf(port)),
                Map.entry("quarkus.rest-client.masterdata.url", "http://127.0.0.1:" + port),
                Map.entry("quarkus.rest-client.terminal.url", "http://127.0.0.1:" + port));
    }

    private static Recommendation recommendation(String item, double score, Reason reason) {
        return Recommendation.newBuilder().setItemCode(item).setScore(score).setReason(reason).build();
    }

    static ItemDetailResponse item(ItemDetailRequest r) {
        String code = r.getItemCode();
        if (code.equals("49-01")) {
            return ItemDetailResponse.newBuilder().setFound(true).setItemCode(code).setItemName("Item1")
                    .setUnitPrice("120").setStorePrice("100").setPrice("100").setUnitCost("50")
                    .setCategoryCode("001").setTaxCode("01").build();
        }
        if (code.startsWith("P") && code.contains("-")) {
            String price = code.substring(1, code.indexOf('-'));
            return ItemDetailResponse.newBuilder().setFound(true).setItemCode(code).setItemName("Item " + code)
                    .setUnitPrice(price).setPrice(price).setUnitCost("1").setCategoryCode("001").setTaxCode("01")
                    .build();
        }
        return null;
    }

    private static void rest(HttpServerRequest req) {
        String path = req.path();
        String body;
        if (path.startsWith("/test/ledger/")) {
            LedgerDouble.show(req);
            return;
        }
        if (path.startsWith("/api/v1/terminals/")) {
            terminal(req, path.substring(path.lastIndexOf('/') + 1));
            return;
        }
        if (path.endsWith("/payments")) {
            body = """
                    [{"paymentCode":"01","description":"Cash","limitAmount":0,"canRefund":true,"canDepositOver":true,
                      "canChange":true,"isActive":true},
                     {"paymentCode":"11","description":"Cashless","limitAmount":0,"canRefund":false,
                      "canDepositOver":false,"canChange":false,"isActive":true},
                     {"paymentCode":"12","description":"Others","limitAmount":0,"canRefund":false,
                      "canDepositOver":false,"canChange":false,"isActive":true},
                     {"paymentCode":"21","description":"Points","limitAmount":0,"canRefund":true,
                      "canDepositOver":false,"canChange":false,"isActive":true},
                     {"paymentCode":"31","description":"Credit","limitAmount":0,"canRefund":true,
                      "canDepositOver":false,"canChange":false,"isActive":true}]""";
        } else if (path.endsWith("/taxes")) {
            body = """
                    [{"taxCode":"00","taxType":"Exempt","taxName":"非課税","rate":0,"roundDigit":0,"roundMethod":null},
                     {"taxCode":"01","taxType":"External","taxName":"外税10%","rate":10,"roundDigit":-1,"roundMethod":"Floor"},
                     {"taxCode":"02","taxType":"Internal","taxName":"内税10%","rate":10,"roundDigit":-1,"roundMethod":"Floor"},
                     {"taxCode":"11","taxType":"External","taxName":"外税 8%","rate":8,"roundDigit":-1,"roundMethod":"Floor"},
                     {"taxCode":"12","taxType":"Internal","taxName":"内税 8%","rate":8,"roundDigit":-1,"roundMethod":"Floor"}]""";
        } else if (path.endsWith("/settings")) {
            body = """
                    [{"name":"RECEIPT_HEADERS","defaultValue":"[{'text':'Kassa Test Store','align':'center'}]","values":[]},
                     {"name":"RECEIPT_FOOTERS","defaultValue":"[{'text':'Thank you','align':'center'}]","values":[]},
                     {"name":"CURRENCY_SYMBOL","defaultValue":"\\\\","values":[{"storeCode":"5678","terminalNo":6,"value":"€"}]},
                     {"name":"loyalty_point_value","defaultValue":"2","values":[]}]""";
        } else if (path.endsWith("/promotions")) {
            body = "[]";
        } else {
            req.response().setStatusCode(404).putHeader("content-type", "application/json")
                    .end("{\"success\":false,\"code\":404,\"message\":\"not found\",\"data\":null}");
            return;
        }
        req.response().putHeader("content-type", "application/json")
                .end("{\"success\":true,\"code\":200,\"message\":\"ok\",\"data\":" + body + "}");
    }

    /**
     * Also stands in for the terminal service's API-key check: every terminal {@code <tenant>-5678-<n>}
     * with key {@link #API_KEY} is Opened with staff S001 signed in.
     */
    private static void terminal(HttpServerRequest req, String terminalId) {
        String[] parts = terminalId.split("-");
        if (!API_KEY.equals(req.getHeader("X-API-KEY")) || parts.length != 3) {
            req.response().setStatusCode(401).putHeader("content-type", "application/json")
                    .end("{\"success\":false,\"code\":401,\"message\":\"bad key\",\"data\":null}");
            return;
        }
        req.response().putHeader("content-type", "application/json").end("""
                {"success":true,"code":200,"message":"ok","data":{"terminalId":"%s","tenantId":"%s",
                 "storeCode":"%s","terminalNo":%s,"status":"Opened","businessDate":"20260101","openCounter":1,
                 "businessCounter":1,"staff":{"staffId":"S001","staffName":"Staff1"}}}"""
                .formatted(terminalId, parts[0], parts[1], parts[2]));
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
