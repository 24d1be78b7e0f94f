package dev.kassa.common.test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for the terminal service's API-key check ({@code GET /api/v1/terminals/{id}} with
 * X-API-KEY) on a free port, so that API-key callers go through a service's real verifier:
 * terminal {@code <tenant>-<store>-<no>} has the key {@link #keyOf(String)}.
 */
public class FakeTerminalService implements QuarkusTestResourceLifecycleManager {
    private Vertx vertx;

    public static String keyOf(String terminalId) {
        return "test-key-of-" + terminalId;
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(req -> {
            String path = req.path();
            String id = path.substring(path.lastIndexOf('/') + 1);
            String[] parts = id.split("-");
            if (path.startsWith("/api/v1/terminals/") && parts.length == 3
                    && keyOf(id).equals(req.getHeader("X-API-KEY"))) {
                req.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                        .put("success", true).put("code", 200)
                        .put("data", new JsonObject().put("terminalId", id).put("storeCode", parts[1])
                                .put("terminalNo", Integer.parseInt(parts[2]))).encode());
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
        return Map.of("quarkus.rest-client.terminal.url", "http://127.0.0.1:" + server.actualPort());
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
