package dev.kassa.common.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The role table of {@code docs/roles.md} checked against a running service: every operation the service
 * serves (its OpenAPI document at {@code /q/openapi}) must have a row in the service's section, every row must
 * be an operation, and each operation is called as each role of the table, and without a token, to see who is
 * refused. A role cell is ✓ when the call is not refused with 403 (it may still fail for its empty body or
 * unknown ids: authorization comes first); the {@code anyone} cell is ✓ when a call without a token is neither
 * 401 nor 403.
 *
 * <p>Calls go to a tenant that the caller names and that nobody provisions, so whatever passes authorization
 * finds nothing to change. Path parameters are filled from their names ({@code tenant_id}, {@code store_code},
 * {@code terminal_no}, {@code terminal_id} name the test terminal's own; anything else is {@code 1}); a body, when
 * the operation takes one, is {@code {}}. The service's observed section is written to
 * {@code target/roles-<service>.md}, ready to paste when an operation is added.
 */
public final class RoleTable {
    public static final List<String> COLUMNS =
            List.of("owner", "manager", "cashier", "viewer", "terminal", "service", "anyone");
    static final String YES = "✓";
    private static final String STORE = "S1";
    private static final int TERMINAL_NO = 1;
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String service;
    private final URI base;
    private final String tenant;
    private final Map<String, String> values = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private RoleTable(String service, URI base, String tenant) {
        this.service = service;
        this.base = base;
        this.tenant = tenant;
        String terminalId = tenant + "-" + STORE + "-" + TERMINAL_NO;
        for (String name : List.of("tenant_id", "tenantId")) {
            values.put(name, tenant);
        }
        for (String name : List.of("store_code", "storeCode")) {
            values.put(name, STORE);
        }
        for (String name : List.of("terminal_no", "terminalNo")) {
            values.put(name, String.valueOf(TERMINAL_NO));
        }
        for (String name : List.of("terminal_id", "terminalId")) {
            values.put(name, terminalId);
        }
    }

    /**
     * The check of one service's section ({@code ## <service>} in {@code docs/roles.md}); {@code tenant} should be
     * a valid tenant id that no test provisions.
     */
    public static RoleTable of(String service, URI base, String tenant) {
        return new RoleTable(service, base, tenant);
    }

    /** A valid tenant id that no test provisions. */
    public static String unusedTenant() {
        return "R" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** The value of a path or required query parameter, over the defaults. */
    public RoleTable value(String name, String value) {
        values.put(name, value);
        return this;
    }

    /** Calls every operation as every column and fails with the differences from the table. */
    public void check() {
        Map<String, List<String>> table = section(service);
        Map<String, List<String>> observed = new TreeMap<>(Comparator.OPERATIONS);
        JsonNode openApi = get("/q/openapi?format=json");
        Map<String, Future<List<String>>> calls = new LinkedHashMap<>();
        // A few operations at a time: each is seven short calls, and they are independent.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (String method : METHODS) {
                    JsonNode op = path.getValue().get(method);
                    if (op != null) {
                        calls.put(method.toUpperCase(Locale.ROOT) + " " + path.getKey(),
                                pool.submit(() -> observe(method, path.getKey(), path.getValue(), op, tokens())));
                    }
                }
            }
            for (Map.Entry<String, Future<List<String>>> call : calls.entrySet()) {
                observed.put(call.getKey(), call.getValue().get(2, TimeUnit.MINUTES));
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
        write(observed);
        List<String> problems = new ArrayList<>();
        observed.forEach((key, cells) -> {
            List<String> expected = table.get(key);
            if (expected == null) {
                problems.add("no row in docs/roles.md for " + key + "; as the code answers:\n    " + row(key, cells));
            } else if (!expected.equals(cells)) {
                problems.add(key + ":\n    table " + row(key, expected) + "\n    code  " + row(key, cells));
            }
        });
        table.keySet().stream().filter(key -> !observed.containsKey(key))
                .forEach(key -> problems.add("docs/roles.md lists " + key + ", which " + service + " does not serve"));
        if (!problems.isEmpty()) {
            fail(problems.size() + " difference(s) between docs/roles.md (## " + service + ") and the code:\n"
                    + String.join("\n", problems));
        }
    }

    /** Fresh tokens for each operation: a logout among the operations revokes the tokens it is called with. */
    private Map<String, String> tokens() {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String role : List.of("owner", "manager", "cashier", "viewer")) {
            tokens.put(role, TestTokens.withRoles(tenant, "roles-" + role, role));
        }
        tokens.put("terminal", TestTokens.terminal(tenant, STORE, TERMINAL_NO, Map.of()));
        tokens.put("service", TestTokens.service("terminal", tenant));
        tokens.put("anyone", null);
        return tokens;
    }

    private List<String> observe(String method, String template, JsonNode pathItem, JsonNode op,
                                 Map<String, String> tokens) {
        String uri = uri(template, pathItem, op);
        String contentType = null;
        String body = "";
        JsonNode content = op.path("requestBody").path("content");
        if (content.size() > 0) {
            contentType = content.fieldNames().next();
            body = contentType.contains("json") ? "{}" : "";
        }
        List<String> cells = new ArrayList<>();
        for (String column : COLUMNS) {
            int status = send(method, uri, contentType, body, tokens.get(column));
            boolean refused = status == 403 || (column.equals("anyone") && status == 401);
            cells.add(refused ? "" : YES);
        }
        return cells;
    }

    private String uri(String template, JsonNode pathItem, JsonNode op) {
        Matcher m = PATH_PARAM.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(encode(values.getOrDefault(m.group(1), "1"))));
        }
        m.appendTail(out);
        List<String> query = new ArrayList<>();
        List<JsonNode> parameters = new ArrayList<>();
        pathItem.path("parameters").forEach(parameters::add);
        op.path("parameters").forEach(parameters::add);
        for (JsonNode p : parameters) {
            if ("query".equals(p.path("in").asText()) && p.path("required").asBoolean(false)) {
                String name = p.path("name").asText();
                query.add(encode(name) + "=" + encode(values.getOrDefault(name, "1")));
            }
        }
        return out + (query.isEmpty() ? "" : "?" + String.join("&", query));
    }

    private int send(String method, String uri, String contentType, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(uri)).timeout(Duration.ofSeconds(30))
                .method(method.toUpperCase(Locale.ROOT), contentType == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String row(String key, List<String> cells) {
        StringBuilder b = new StringBuilder("| `").append(key).append("` |");
        for (String cell : cells) {
            b.append(cell.isEmpty() ? "   |" : " " + cell + " |");
        }
        return b.toString();
    }

    private void write(Map<String, List<String>> observed) {
        StringBuilder b = new StringBuilder("## ").append(service).append("\n\n")
                .append(header()).append('\n');
        observed.forEach((key, cells) -> b.append(row(key, cells)).append('\n'));
        try {
            Path dir = Path.of("target");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("roles-" + service + ".md"), b.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String header() {
        return "| Operation | " + String.join(" | ", COLUMNS) + " |\n|---|" + "---|".repeat(COLUMNS.size());
    }

    /** The rows of one service's section of {@code docs/roles.md}: operation to its cells. */
    static Map<String, List<String>> section(String service) {
        List<String> lines;
        try {
            lines = Files.readAllLines(document(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<String>> rows = new LinkedHashMap<>();
        boolean inside = false;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                inside = line.substring(3).trim().equals(service);
                continue;
            }
            if (!inside || !line.startsWith("| `")) {
                continue;
            }
            String[] parts = line.split("\\|", -1);
            if (parts.length != COLUMNS.size() + 3) {
                throw new IllegalStateException("docs/roles.md: a row needs " + COLUMNS.size() + " cells: " + line);
            }
            String key = parts[1].trim().replace("`", "");
            List<String> cells = new ArrayList<>();
            for (int i = 2; i < parts.length - 1; i++) {
                String cell = parts[i].trim();
                if (!cell.isEmpty() && !cell.equals(YES)) {
                    throw new IllegalStateException("docs/roles.md: a cell is " + YES + " or empty: " + line);
                }
                cells.add(cell);
            }
            if (rows.put(key, cells) != null) {
                throw new IllegalStateException("docs/roles.md lists " + key + " twice");
            }
        }
        return rows;
    }

    private static Path document() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs").resolve("roles.md");
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("docs/roles.md not found above " + Path.of("").toAbsolutePath());
    }

    /** Operations by path, then by method in the order GET, POST, PUT, PATCH, DELETE. */
    private enum Comparator implements java.util.Comparator<String> {
        OPERATIONS;

        @Override
        public int compare(String a, String b) {
            int byPath = path(a).compareTo(path(b));
            return byPath != 0 ? byPath : Integer.compare(rank(a), rank(b));
        }

        private static String path(String key) {
            return key.substring(key.indexOf(' ') + 1);
        }

        private static int rank(String key) {
            return METHODS.indexOf(key.substring(0, key.indexOf(' ')).toLowerCase(Locale.ROOT));
        }
    }
}
