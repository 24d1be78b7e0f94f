package dev.kassa.terminal.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Test doubles of the HTTP APIs the terminal service calls: {@code POST /api/v1/tenants} of the five
 * other services, master data's staff and customer-ledger lookups and the cart's transaction list. Each runs on a port of
 * its own and can be stopped and started again on that port; the answers come from data the test sets.
 *
 * <p>Quarkus may load this class in another class loader than the test's, so tests steer the doubles
 * over a small control server ({@code kassa.test.doubles.control}) through the static methods below.
 */
public class Doubles implements QuarkusTestResourceLifecycleManager {
    public static final List<String> SERVICES = List.of("masterdata", "cart", "report", "journal", "stock");
    private static final String CONTROL = "kassa.test.doubles.control";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Vertx vertx;
    private final Map<String, Integer> ports = new ConcurrentHashMap<>();
    private final Map<String, HttpServer> servers = new ConcurrentHashMap<>();
    private final Map<String, String> staff = new ConcurrentHashMap<>();
    private final Map<String, String> owed = new ConcurrentHashMap<>();
    private final Map<String, long[]> transactions = new ConcurrentHashMap<>();
    private final Map<String, List<String>> calls = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new LinkedHashMap<>();
        for (String service : SERVICES) {
            int port = listen(service, 0);
            ports.put(service, port);
            config.put("quarkus.rest-client." + service + ".url", "http://127.0.0.1:" + port);
        }
        HttpServer control = await(vertx.createHttpServer().requestHandler(this::control).listen(0, "127.0.0.1"));
        config.put(CONTROL, "http://127.0.0.1:" + control.actualPort());
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            await(vertx.close());
        }
    }

    private int listen(String service, int port) {
        HttpServer server = await(vertx.createHttpServer().requestHandler(request -> handle(service, request))
                .listen(port, "127.0.0.1"));
        servers.put(service, server);
        return server.actualPort();
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void control(HttpServerRequest request) {
        String[] path = request.path().substring(1).split("/");
        vertx.executeBlocking(() -> {
            switch (path[0]) {
                case "staff" -> staff.put(path[1] + ":" + path[2], request.getParam("name"));
                case "customer" -> owed.put(path[1] + ":" + path[2], request.getParam("owed"));
                case "tx" -> transactions.put(String.join(":", path[1], path[2], path[3], path[4], path[5]),
                        new long[]{Long.parseLong(request.getParam("count")), Long.parseLong(request.getParam("last"))});
                case "stop" -> await(servers.remove(path[1]).close());
                case "start" -> listen(path[1], ports.get(path[1]));
                case "calls" -> {
                    return new JsonArray(List.copyOf(calls.getOrDefault(path[1], List.of()))).encode();
                }
                default -> throw new IllegalArgumentException(request.path());
            }
            return "{}";
        }).onComplete(done -> {
            if (done.succeeded()) {
                request.response().putHeader("Content-Type", "application/json").end(done.result());
            } else {
                request.response().setStatusCode(500).end(String.valueOf(done.cause()));
            }
        });
    }

    private void handle(String service, HttpServerRequest request) {
        request.body().onSuccess(body -> {
            calls.computeIfAbsent(service, k -> new CopyOnWriteArrayList<>())
                    .add(request.method() + " " + request.uri() + " | " + request.getHeader("Authorization") + " | "
                            + body);
            String[] path = request.path().split("/");
            if ("POST".equals(request.method().name()) && request.path().equals("/api/v1/tenants")) {
                String tenantId = body.toJsonObject().getString("tenant_id");
                reply(request, 201, new JsonObject().put("success", true).put("code", 201)
                        .put("message", "tenant set up").put("data", new JsonObject().put("tenantId", tenantId)));
            } else if (service.equals("masterdata") && path.length == 7 && path[5].equals("staff")) {
                String name = staff.get(path[4] + ":" + path[6]);
                if (name == null) {
                    reply(request, 404, error(404, "405001", "Staff not found"));
                } else {
                    reply(request, 200, new JsonObject().put("success", true).put("code", 200).put("data",
                            new JsonObject().put("id", path[6]).put("name", name).put("pin", "1234")
                                    .put("roles", new JsonArray().add("staff"))));
                }
            } else if (service.equals("masterdata") && path.length == 8 && path[5].equals("customers")
                    && path[7].equals("ledger")) {
                String credit = owed.get(path[4] + ":" + path[6]);
                if (credit == null) {
                    reply(request, 404, error(404, "405001", "Customer not found"));
                } else {
                    reply(request, 200, new JsonObject().put("success", true).put("code", 200).put("data",
                            new JsonObject().put("customerCode", path[6]).put("creditLimit", 100000)
                                    .put("creditBalance", Double.parseDouble(credit)).put("creditReserved", 0)));
                }
            } else if (service.equals("cart") && path.length == 10 && path[9].equals("transactions")) {
                long[] counted = transactions.getOrDefault(String.join(":", path[4], path[6], path[8],
                        request.getParam("business_date"), request.getParam("open_counter")), new long[]{0, 0});
                JsonArray data = new JsonArray();
                if (counted[0] > 0) {
                    data.add(new JsonObject().put("transactionNo", counted[1]));
                }
                reply(request, 200, new JsonObject().put("success", true).put("code", 200).put("data", data)
                        .put("metadata", new JsonObject().put("total", counted[0]).put("page", 1).put("limit", 1)));
            } else {
                reply(request, 404, error(404, "100001", "Not Found"));
            }
        });
    }

    private static JsonObject error(int status, String code, String message) {
        return new JsonObject().put("success", false).put("code", status).put("message", message)
                .put("userError", new JsonObject().put("code", code).put("message", message));
    }

    private static void reply(HttpServerRequest request, int status, JsonObject body) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }

    // ---- steering from the tests ----

    private static String send(String path) {
        String base = ConfigProvider.getConfig().getValue(CONTROL, String.class);
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Doubles refused " + path + ": " + response.body());
            }
            return response.body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A staff member master data knows. */
    public static void staff(String tenantId, String staffId, String name) {
        send("/staff/" + tenantId + "/" + staffId + "?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
    }

    /** A customer master data knows, owing {@code owed} on store credit. */
    public static void customer(String tenantId, String customerCode, long owed) {
        send("/customer/" + tenantId + "/" + customerCode + "?owed=" + owed);
    }

    /** What the cart answers for one session: how many transactions and the last number. */
    public static void transactions(String tenantId, String storeCode, int terminalNo, String businessDate,
                                    int openCounter, long count, long lastNo) {
        send("/tx/" + tenantId + "/" + storeCode + "/" + terminalNo + "/" + businessDate + "/" + openCounter
                + "?count=" + count + "&last=" + lastNo);
    }

    /** Stops a service: its port refuses connections until {@link #start}. */
    public static void stop(String service) {
        send("/stop/" + service);
    }

    public static void start(String service) {
        send("/start/" + service);
    }

    /** The requests a double received: {@code METHOD uri | Authorization | body}. */
    public static List<String> calls(String service) {
        return new JsonArray(send("/calls/" + service)).stream().map(String::valueOf).toList();
    }

    /** The calls a double received that contain the text. */
    public static List<String> calls(String service, String containing) {
        return calls(service).stream().filter(c -> c.contains(containing)).toList();
    }
}
