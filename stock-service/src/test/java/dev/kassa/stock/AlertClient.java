package dev.kassa.stock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** A real WebSocket client of the alert stream (java.net.http), recording every text and the close code. */
final class AlertClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final List<String> texts;
    final CompletableFuture<Integer> closeCode;
    private final WebSocket socket;

    private AlertClient(WebSocket socket, Recorder recorder) {
        this.socket = socket;
        this.texts = recorder.texts;
        this.closeCode = recorder.closeCode;
    }

    /** Opens {@code /api/v1/ws/{tenant}/{store}?token=} on the replica listening on {@code port}. */
    static AlertClient connect(int port, String tenant, String store, String token) {
        String query = token == null ? "" : "?token=" + token;
        URI uri = URI.create("ws://localhost:" + port + "/api/v1/ws/" + tenant + "/" + store + query);
        Recorder recorder = new Recorder();
        WebSocket ws = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(20))
                .buildAsync(uri, recorder).orTimeout(30, TimeUnit.SECONDS).join();
        return new AlertClient(ws, recorder);
    }

    private static final class Recorder implements WebSocket.Listener {
        final List<String> texts = new CopyOnWriteArrayList<>();
        final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
        private final StringBuilder part = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            part.append(data);
            if (last) {
                texts.add(part.toString());
                part.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closeCode.completeExceptionally(error);
        }
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    List<JsonNode> json() {
        return texts.stream().filter(t -> t.startsWith("{")).map(AlertClient::parse).toList();
    }

    /** The stock_alert messages of one item and alert type received so far. */
    List<JsonNode> alerts(String item, String alertType) {
        return json().stream().filter(j -> "stock_alert".equals(j.path("type").asText())
                && item.equals(j.path("item_code").asText()) && alertType.equals(j.path("alert_type").asText())).toList();
    }

    List<JsonNode> allAlerts() {
        return json().stream().filter(j -> "stock_alert".equals(j.path("type").asText())).toList();
    }

    void awaitText(Predicate<String> wanted) {
        await().atMost(Duration.ofSeconds(30)).until(() -> texts.stream().anyMatch(wanted));
    }

    void awaitConnected() {
        awaitText(t -> t.contains("\"type\":\"connection\""));
    }

    int awaitClose() {
        return closeCode.orTimeout(30, TimeUnit.SECONDS).join();
    }

    private static JsonNode parse(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            return JSON.missingNode();
        }
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS).join();
        } catch (Exception ignored) {
            socket.abort();
        }
    }
}
