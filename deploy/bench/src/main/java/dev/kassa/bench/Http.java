package dev.kassa.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The one HTTP/1.1 client of a run: Vert.x's client on a single event loop, with a keep-alive pool per host
 * of up to {@code connections} connections. The load runs its requests as callbacks on that loop; provisioning
 * uses the blocking helpers from virtual threads.
 */
final class Http implements AutoCloseable {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    static final ObjectMapper MAPPER = new ObjectMapper();

    /** A request, built once and sent as often as needed. */
    record Request(HttpMethod method, URI uri, Map<String, String> headers, Buffer body) {

        static Request get(URI uri) {
            return new Request(HttpMethod.GET, uri, Map.of("Accept", "application/json"), null);
        }

        static Request postJson(URI uri, Object body, Map<String, String> headers) {
            return post(uri, body == null ? null : Buffer.buffer(json(body)), "application/json", headers);
        }

        static Request post(URI uri, Buffer body, String contentType, Map<String, String> headers) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.put("Accept", "application/json");
            all.put("Content-Type", contentType);
            return new Request(HttpMethod.POST, uri, Map.copyOf(all), body);
        }
    }

    /** A response: status, body and headers. */
    record Reply(int status, Buffer body, MultiMap headers) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name));
        }

        String text() {
            return body == null ? "" : body.toString(StandardCharsets.UTF_8);
        }

        /** The whole body as a tree (provisioning only); a MissingNode when it is not JSON. */
        JsonNode json() {
            try {
                return body == null || body.length() == 0 ? MissingNode.getInstance() : MAPPER.readTree(body.getBytes());
            } catch (IOException e) {
                return MissingNode.getInstance();
            }
        }

        /** {@code data.<field>} of the success envelope, as text; empty when absent. Reads no more than needed. */
        String data(String field) {
            return body == null ? "" : JsonFields.dataField(body.getBytes(), field);
        }
    }

    private final Vertx vertx;
    private final HttpClient client;

    Http(int connectionsPerHost) {
        // One event loop is plenty for a few thousand requests a second and keeps the client's CPU small.
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1).setBlockedThreadCheckInterval(TimeUnit.HOURS.toMillis(1)));
        client = vertx.createHttpClient(new HttpClientOptions()
                        .setKeepAlive(true).setTcpNoDelay(true).setConnectTimeout(5_000)
                        .setIdleTimeout(0).setMaxInitialLineLength(4096).setTryUseCompression(false),
                new PoolOptions().setHttp1MaxSize(Math.max(1, connectionsPerHost)).setMaxWaitQueueSize(-1));
    }

    /** The loop every request completes on; the load runs all its bookkeeping there, so it needs no locks. */
    Context context() {
        return vertx.getOrCreateContext();
    }

    Vertx vertx() {
        return vertx;
    }

    /** Sends asynchronously; the future fails on a connection problem or after {@link #REQUEST_TIMEOUT}. */
    Future<Reply> send(Request request) {
        URI uri = request.uri();
        RequestOptions options = new RequestOptions().setMethod(request.method()).setHost(uri.getHost())
                .setPort(uri.getPort()).setURI(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()))
                .setIdleTimeout(REQUEST_TIMEOUT.toMillis());
        request.headers().forEach(options::putHeader);
        return client.request(options).compose(req -> (request.body() == null ? req.send() : req.send(request.body()))
                .compose(resp -> resp.body().map(b -> new Reply(resp.statusCode(), b, resp.headers()))));
    }

    /** Blocking send, for provisioning and health checks (never on the event loop). */
    Reply sendAndWait(Request request) throws IOException, InterruptedException {
        try {
            return send(request).toCompletionStage().toCompletableFuture()
                    .get(REQUEST_TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException(String.valueOf(cause), cause);
        } catch (TimeoutException e) {
            throw new IOException("timeout after " + REQUEST_TIMEOUT.toSeconds() + " s", e);
        }
    }

    Reply get(URI uri) throws IOException, InterruptedException {
        return sendAndWait(Request.get(uri));
    }

    Reply postJson(URI uri, Object body, Map<String, String> headers) throws IOException, InterruptedException {
        return sendAndWait(Request.postJson(uri, body, headers));
    }

    Reply postForm(URI uri, Map<String, String> form) throws IOException, InterruptedException {
        String encoded = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return sendAndWait(Request.post(uri, Buffer.buffer(encoded), "application/x-www-form-urlencoded", Map.of()));
    }

    static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    static byte[] json(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            client.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // closing at the end of a run: nothing left to save
        }
    }
}
