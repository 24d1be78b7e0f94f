package dev.kassa.e2e;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * REST Assured calls against the running services, every exchange kept (method, URL, request body, status,
 * response body) so that a failure names exactly what was sent and what came back; all of them also go to
 * {@code target/e2e-logs/http.log}.
 */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static final RestAssuredConfig CONFIG = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().defaultContentCharset(StandardCharsets.UTF_8)
                    .appendDefaultContentCharsetToContentTypeIfUndefined(false))
            .httpClient(HttpClientConfig.httpClientConfig()
                    .setParam("http.connection.timeout", 5_000)
                    .setParam("http.socket.timeout", 30_000));

    private final PrintWriter log;

    Api(Path logFile) {
        try {
            Files.createDirectories(logFile.getParent());
            this.log = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Call get(int port, String path) {
        return new Call("GET", port, path);
    }

    Call post(int port, String path) {
        return new Call("POST", port, path);
    }

    Call put(int port, String path) {
        return new Call("PUT", port, path);
    }

    Call patch(int port, String path) {
        return new Call("PATCH", port, path);
    }

    /** One request being built. */
    final class Call {
        private final String method;
        private final int port;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final List<Map.Entry<String, String>> query = new ArrayList<>();
        private Map<String, String> form;
        private String body;

        private Call(String method, int port, String path) {
            this.method = method;
            this.port = port;
            this.path = path;
        }

        Call bearer(String token) {
            headers.put("Authorization", "Bearer " + token);
            return this;
        }

        Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** A query parameter; several values repeat it. */
        Call query(String name, Object... values) {
            for (Object v : values) {
                query.add(Map.entry(name, String.valueOf(v)));
            }
            return this;
        }

        Call json(Object value) {
            try {
                body = JSON.writeValueAsString(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        Call form(Map<String, String> fields) {
            form = fields;
            return this;
        }

        String url() {
            StringBuilder url = new StringBuilder("http://127.0.0.1:" + port + path);
            for (int i = 0; i < query.size(); i++) {
                url.append(i == 0 ? '?' : '&').append(query.get(i).getKey()).append('=')
                        .append(URLEncoder.encode(query.get(i).getValue(), StandardCharsets.UTF_8));
            }
            return url.toString();
        }

        Reply call() {
            RequestSpecification spec = RestAssured.given().config(CONFIG).baseUri("http://127.0.0.1").port(port)
                    .headers(headers).urlEncodingEnabled(true);
            for (Map.Entry<String, String> q : query) {
                spec.queryParam(q.getKey(), q.getValue());
            }
            String shownBody = body;
            if (form != null) {
                spec.contentType(ContentType.URLENC).formParams(form);
                shownBody = "form " + form;
            } else if (body != null) {
                spec.contentType(ContentType.JSON).body(body);
            }
            long began = System.nanoTime();
            Response r = spec.request(method, path);
            long millis = (System.nanoTime() - began) / 1_000_000;
            String text = new String(r.asByteArray(), StandardCharsets.UTF_8);
            Map<String, String> responseHeaders = new LinkedHashMap<>();
            r.getHeaders().forEach(h -> responseHeaders.put(h.getName().toLowerCase(), h.getValue()));
            Reply reply = new Reply(method, url(), headers.containsKey("X-API-KEY") ? "X-API-KEY" : null, shownBody,
                    r.statusCode(), responseHeaders, text, parse(text), millis);
            synchronized (log) {
                log.printf("%s %s %s%s%n  -> %d (%d ms) %s%n", LocalTime.now(), method, url(),
                        shownBody == null ? "" : "\n  body: " + shownBody, r.statusCode(), millis, Reply.brief(text, 4000));
            }
            return reply;
        }
    }

    private static JsonNode parse(String text) {
        try {
            return text == null || text.isBlank() ? JSON.missingNode() : JSON.readTree(text);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }

    /** One exchange. */
    record Reply(String method, String url, String auth, String requestBody, int status, Map<String, String> headers,
                 String body, JsonNode json, long millis) {

        JsonNode data() {
            return json.path("data");
        }

        String header(String name) {
            return headers.get(name.toLowerCase());
        }

        /** The reply when its status is {@code expected}, else an AssertionError naming the whole exchange. */
        Reply expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected HTTP " + expected + " but got " + status + "\n" + describe());
            }
            return this;
        }

        String describe() {
            return "  request:  " + method + " " + url + (requestBody == null ? "" : "\n            body " + requestBody)
                    + "\n  response: HTTP " + status + " " + brief(body, 3000);
        }

        static String brief(String text, int max) {
            if (text == null) {
                return "(no body)";
            }
            String t = text.replaceAll("\\s*\\n\\s*", " ");
            return t.length() > max ? t.substring(0, max) + " ...(" + t.length() + " chars)" : t;
        }
    }
}
