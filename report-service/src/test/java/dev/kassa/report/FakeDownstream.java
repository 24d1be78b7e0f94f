package dev.kassa.report;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stands in for the services the report service calls, on one free port:
 * <ul>
 * <li>terminal: {@code GET /api/v1/terminals/{tenant-store-no}} accepts the API key {@code key-<terminalId>};</li>
 * <li>master data: {@code GET /api/v1/tenants/{t}/categories} names 001 Fruit and 002 Bakery (with a token);
 * {@code /control/masterdata-down} makes it answer 503;</li>
 * <li>journal: {@code POST /api/v1/tenants/{t}/stores/{s}/terminals/{n}/journals} records the body, the
 * {@code terminal_id} and whether credentials came; {@code /control/journal-down} makes it answer 503.</li>
 * </ul>
 * Tests read and steer it over HTTP ({@code /control/...}), since they run in another class loader.
 */
public class FakeDownstream implements QuarkusTestResourceLifecycleManager {

    private Vertx vertx;
    private final AtomicBoolean journalDown = new AtomicBoolean();
    private final AtomicBoolean masterDataDown = new AtomicBoolean();
    private final JsonArray journals = new JsonArray();

    public static String apiKey(String terminalId) {
        return "key-" + terminalId;
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(req -> {
            String path = req.path();
            if (path.startsWith("/control/")) {
                switch (path) {
                    case "/control/journal-down" -> journalDown.set(true);
                    case "/control/journal-up" -> journalDown.set(false);
                    case "/control/masterdata-down" -> masterDataDown.set(true);
                    case "/control/masterdata-up" -> masterDataDown.set(false);
                    default -> { }
                }
                String answer;
                synchronized (journals) {
                    answer = journals.encode();
                }
                req.response().putHeader("Content-Type", "application/json").end(answer);
                return;
            }
            if (path.startsWith("/api/v1/terminals/")) {
                String id = path.substring("/api/v1/terminals/".length());
                String[] parts = id.split("-");
                if (parts.length == 3 && apiKey(id).equals(req.getHeader("X-API-KEY"))) {
                    req.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                            .put("success", true).put("code", 200)
                            .put("data", new JsonObject().put("terminalId", id).put("storeCode", parts[1])
                                    .put("terminalNo", Integer.parseInt(parts[2]))).encode());
                } else {
                    req.response().setStatusCode(401).putHeader("Content-Type", "application/json")
                            .end("{\"success\":false,\"code\":401}");
                }
                return;
            }
            if (path.startsWith("/api/v1/tenants/") && path.endsWith("/categories")) {
                if (masterDataDown.get()) {
                    req.response().setStatusCode(503).end();
                } else if (req.getHeader("Authorization") == null) {
                    req.response().setStatusCode(401).end();
                } else {
                    req.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                            .put("success", true).put("code", 200)
                            .put("data", new JsonArray()
                                    .add(new JsonObject().put("categoryCode", "001").put("description", "Fruit"))
                                    .add(new JsonObject().put("categoryCode", "002").put("description", "Bakery")))
                            .encode());
                }
                return;
            }
            if (path.endsWith("/journals") && "POST".equals(req.method().name())) {
                req.body().onSuccess(body -> {
                    if (journalDown.get()) {
                        req.response().setStatusCode(503).end();
                        return;
                    }
                    JsonObject entry = new JsonObject()
                            .put("path", path)
                            .put("terminalId", req.getParam("terminal_id"))
                            .put("bearer", req.getHeader("Authorization") != null)
                            .put("apiKey", req.getHeader("X-API-KEY") != null)
                            .put("body", body.toJsonObject());
                    synchronized (journals) {
                        journals.add(entry);
                    }
                    req.response().setStatusCode(201).putHeader("Content-Type", "application/json")
                            .end("{\"success\":true,\"code\":201}");
                });
                return;
            }
            req.response().setStatusCode(404).end();
        });
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The fake downstream services did not start", e);
        }
        String url = "http://127.0.0.1:" + server.actualPort();
        return Map.of("quarkus.rest-client.terminal.url", url, "quarkus.rest-client.journal.url", url,
                "quarkus.rest-client.masterdata.url", url, "kassa.test.fake-downstream-url", url);
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
