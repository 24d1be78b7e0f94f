package dev.kassa.common.platformtest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the terminal service's API-key check ({@code GET /api/v1/terminals/{id}} with
 * X-API-KEY) on a free port: terminal {@code <tenant>-S1-1} has key {@link #KEY}. Tests steer it
 * over HTTP ({@code /control/...}), since they run in another class loader than this resource.
 */
public class FakeTerminalService implements QuarkusTestResourceLifecycleManager {
    public static final String KEY = "test-terminal-key-0123456789abcdefghijklmnop";
    public static final String URL_PROPERTY = "quarkus.rest-client.terminal.url";

    private Vertx vertx;
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicInteger checks = new AtomicInteger();
    private volatile String validKey = KEY;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(req -> {
            String path = req.path();
            if (path.startsWith("/control/")) {
                switch (path) {
                    case "/control/down" -> down.set(true);
                    case "/control/up" -> down.set(false);
                    case "/control/rotate" -> validKey = req.getParam("key");
                    case "/control/reset" -> {
                        down.set(false);
                        validKey = KEY;
                        checks.set(0);
                    }
                    default -> { }
                }
                req.response().end(String.valueOf(checks.get()));
                return;
            }
            if (down.get()) {
                req.response().setStatusCode(503).end();
                return;
            }
            checks.incrementAndGet();
            String id = path.substring(path.lastIndexOf('/') + 1);
            if (path.startsWith("/api/v1/terminals/") && validKey.equals(req.getHeader("X-API-KEY"))
                    && id.endsWith("-S1-1")) {
                req.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                        .put("success", true).put("code", 200)
                        .put("data", new JsonObject().put("terminalId", id).put("storeCode", "S1")
                                .put("terminalNo", 1)).encode());
            } else {
                req.response().setStatusCode(401).putHeader("Content-Type", "application/json")
                        .end("{\"success\":false,\"code\":401}");
            }
        });
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Fake terminal service did not start", e);
        }
        return Map.of(URL_PROPERTY, "http://127.0.0.1:" + server.actualPort(),
                "kassa.test.fake-terminal-url", "http://127.0.0.1:" + server.actualPort());
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
