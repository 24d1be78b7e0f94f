package dev.kassa.common.test;

import com.fasterxml.jackson.databind.JsonNode;

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
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A generated bad-input sweep of one service, driven by the OpenAPI document the running service serves at
 * {@code /q/openapi?format=json}: every POST, PUT and PATCH with a JSON body gets its body broken field by
 * field and as a whole ({@link BadInputs}), and every answer must be a 4xx error envelope ({@code success:false},
 * {@code code} equal to the status, a six-digit {@code userError.code}, a bounded size), never a 5xx, while the
 * service's GETs for the tenant answer exactly as before.
 *
 * <pre>{@code
 * BadInputSweep.Report report = BadInputSweep.of("cart", URI.create("http://localhost:" + RestAssured.port))
 *         .header("Authorization", "Bearer " + token)
 *         .pathValue("cart_id", cartId)
 *         .snapshot("/api/v1/carts/" + cartId)
 *         .run();
 * report.assertClean();
 * }</pre>
 *
 * <p>A test may supply a valid sample body per operation ({@link #sample}) where the schema cannot describe one,
 * and may skip an operation with a reason ({@link #skip}). Cases whose bad value the service may lawfully accept
 * (an unknown field, {@code 123} for a string, control characters in a name) are sent too: they must not answer
 * 5xx, and a refusal must still be a proper envelope, but a 2xx is no failure and the state check is not applied
 * to them.
 *
 * <p>{@code -Dkassa.sweep.strict=false} makes {@link Report#assertClean()} print the failures without failing.
 */
public final class BadInputSweep {
    /** An error envelope larger than this is a failure: a message must not echo a 100,000-character input. */
    public static final int MAX_ERROR_BYTES = 8192;
    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");
    private static final List<String> METHODS = List.of("post", "put", "patch");

    private final String service;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> operationHeaders = new HashMap<>();
    private final Map<String, String> pathValues = new HashMap<>();
    private final Map<String, Map<String, String>> operationPathValues = new HashMap<>();
    private final Map<String, String> samples = new HashMap<>();
    private final Map<String, String> skips = new LinkedHashMap<>();
    private final List<String> snapshots = new ArrayList<>();
    private final Map<String, List<String>> scopedSnapshots = new LinkedHashMap<>();
    private final Map<String, Supplier<String>> probes = new LinkedHashMap<>();
    private Function<String, String> snapshotNormalizer = Function.identity();

    private BadInputSweep(String service, URI base) {
        this.service = service;
        this.base = base;
    }

    public static BadInputSweep of(String service, URI base) {
        return new BadInputSweep(service, base);
    }

    /** A header sent with every request (authentication). */
    public BadInputSweep header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Headers for one operation ({@code "POST /api/v1/..."} as in the OpenAPI), replacing the common ones. */
    public BadInputSweep headers(String operation, Map<String, String> values) {
        operationHeaders.put(operation, values);
        return this;
    }

    /** The value of a path (or required query) parameter, by its name in the OpenAPI. */
    public BadInputSweep pathValue(String name, String value) {
        pathValues.put(name, value);
        return this;
    }

    /** Path values for one operation, over the common ones. */
    public BadInputSweep pathValues(String operation, Map<String, String> values) {
        operationPathValues.put(operation, values);
        return this;
    }

    /** A valid body of one operation, the baseline its cases break; overrides the one built from the schema. */
    public BadInputSweep sample(String operation, String json) {
        samples.put(operation, json);
        return this;
    }

    /** Leaves an operation out, with the reason printed in the report. */
    public BadInputSweep skip(String operation, String reason) {
        skips.put(operation, reason);
        return this;
    }

    /** A GET (path and query, concrete) whose answer must not change when bad input is refused. */
    public BadInputSweep snapshot(String... paths) {
        snapshots.addAll(List.of(paths));
        return this;
    }

    /**
     * GETs compared only around the operations whose path (as in the OpenAPI) starts with {@code operationPrefix},
     * so that a service with many resources is not read whole after every field. An operation that no scope
     * covers is compared against every GET.
     */
    public BadInputSweep snapshotFor(String operationPrefix, String... paths) {
        scopedSnapshots.computeIfAbsent(operationPrefix, p -> new ArrayList<>()).addAll(List.of(paths));
        return this;
    }

    /** A state read some other way (a count of rows) where the service has no GET for it; compared likewise. */
    public BadInputSweep snapshot(String name, Supplier<String> probe) {
        probes.put(name, probe);
        return this;
    }

    /** Removes volatile parts (a clock, a counter) from snapshot answers before they are compared. */
    public BadInputSweep snapshotNormalizer(Function<String, String> normalizer) {
        this.snapshotNormalizer = normalizer;
        return this;
    }

    /** Sends every case, in the order of the OpenAPI document, and answers what was found. */
    public Report run() {
        JsonNode openApi = readOpenApi();
        BadInputs inputs = new BadInputs(openApi);
        Report report = new Report(service);
        boolean hugeSent = false;
        for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = paths.next();
            String template = entry.getKey();
            for (String method : METHODS) {
                JsonNode op = entry.getValue().get(method);
                if (op == null) {
                    continue;
                }
                String key = method.toUpperCase(Locale.ROOT) + " " + template;
                if (skips.containsKey(key)) {
                    report.skipped.put(key, skips.get(key));
                    continue;
                }
                JsonNode content = op.path("requestBody").path("content");
                JsonNode schema = content.path("application/json").path("schema");
                if (!content.has("application/json") && !samples.containsKey(key)) {
                    report.skipped.put(key, content.isMissingNode() || content.isEmpty()
                            ? "no request body" : "no JSON body (" + content.fieldNames().next() + ")");
                    continue;
                }
                String uri;
                try {
                    uri = uri(key, template, entry.getValue(), op);
                } catch (IllegalArgumentException e) {
                    report.skipped.put(key, e.getMessage());
                    continue;
                }
                JsonNode baseline = samples.containsKey(key) ? parse(samples.get(key))
                        : inputs.baseline(schema);
                boolean bodyRequired = op.path("requestBody").path("required").asBoolean(false);
                List<BadInputs.Case> cases = inputs.cases(schema.isMissingNode() ? null : schema, baseline,
                        bodyRequired);
                if (!hugeSent) {
                    hugeSent = true;
                    cases.add(new BadInputs.Case("body", "11 MB document",
                            "{\"sweepUnknownField\":" + BadInputs.quote("x".repeat(11 * 1024 * 1024)) + "}", true));
                }
                runOperation(report, key, method, uri, cases, snapshotsFor(template));
            }
        }
        report.write();
        return report;
    }

    private List<String> snapshotsFor(String template) {
        List<String> paths = new ArrayList<>(snapshots);
        List<String> scoped = new ArrayList<>();
        scopedSnapshots.forEach((prefix, scopePaths) -> {
            if (template.startsWith(prefix)) {
                scoped.addAll(scopePaths);
            }
        });
        if (scoped.isEmpty()) {
            scopedSnapshots.values().forEach(paths::addAll);
        } else {
            paths.addAll(scoped);
        }
        return paths;
    }

    private void runOperation(Report report, String key, String method, String uri, List<BadInputs.Case> cases,
                              List<String> gets) {
        Map<String, String> hdrs = operationHeaders.getOrDefault(key, headers);
        report.operations++;
        // Cases grouped by target: the must-refuse cases of one field, then a snapshot comparison, then the
        // cases the service may accept (which may change state lawfully, so the snapshot is taken anew).
        Map<String, List<BadInputs.Case>> byTarget = new LinkedHashMap<>();
        for (BadInputs.Case c : cases) {
            byTarget.computeIfAbsent(c.target(), t -> new ArrayList<>()).add(c);
        }
        Map<String, String> before = snapshot(gets);
        for (Map.Entry<String, List<BadInputs.Case>> group : byTarget.entrySet()) {
            List<String> accepted = new ArrayList<>();
            for (BadInputs.Case c : group.getValue()) {
                if (c.mustRefuse()) {
                    int status = send(report, key, method, uri, hdrs, c);
                    if (status < 400 || status >= 500) {
                        accepted.add(c.mutation() + " -> " + status);
                    }
                }
            }
            Map<String, String> after = snapshot(gets);
            // A case answered 2xx is already a failure, and the change is its doing; what is left to find is a
            // change behind a refusal (a 4xx or 5xx that stored something anyway).
            boolean anyAccepted = accepted.stream().anyMatch(a -> a.matches(".* -> [0-3]\\d\\d"));
            for (String path : after.keySet()) {
                if (!anyAccepted && !Objects.equals(before.get(path), after.get(path))) {
                    report.fail(key, group.getKey(), "(cases to refuse)", 0, path + " changed though every case was"
                            + " refused " + (accepted.isEmpty() ? "with a 4xx" : "(5xx: " + accepted + ")") + ": "
                            + difference(before.get(path), after.get(path)));
                }
            }
            boolean lawful = false;
            for (BadInputs.Case c : group.getValue()) {
                if (!c.mustRefuse()) {
                    int status = send(report, key, method, uri, hdrs, c);
                    lawful |= status < 300;
                }
            }
            before = lawful ? snapshot(gets) : after;
        }
    }

    private int send(Report report, String key, String method, String uri, Map<String, String> hdrs,
                     BadInputs.Case c) {
        report.cases++;
        HttpRequest.Builder request = HttpRequest.newBuilder(at(uri)).timeout(Duration.ofSeconds(30))
                // so that a server refusing a body too large answers before reading it
                .expectContinue(c.body().length() > 1024 * 1024)
                .method(method.toUpperCase(Locale.ROOT), c.body().isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(c.body(), StandardCharsets.UTF_8))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        hdrs.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            report.fail(key, c.target(), c.mutation(), 0, "no answer: " + e);
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        int status = response.statusCode();
        report.count(status);
        String body = response.body();
        if (status >= 500) {
            report.fail(key, c.target(), c.mutation(), status, excerpt(body));
        } else if (status < 300) {
            if (c.mustRefuse()) {
                report.fail(key, c.target(), c.mutation(), status, "accepted: " + excerpt(body));
            } else {
                report.accepted++;
            }
        } else {
            String problem = envelopeProblem(status, body);
            if (problem != null) {
                report.fail(key, c.target(), c.mutation(), status, problem + ": " + excerpt(body));
            }
        }
        return status;
    }

    /** Null when the body is the contract's error envelope for this status. */
    static String envelopeProblem(int status, String body) {
        if (body.getBytes(StandardCharsets.UTF_8).length > MAX_ERROR_BYTES) {
            return "error body of " + body.length() + " characters";
        }
        JsonNode json;
        try {
            json = BadInputs.JSON.readTree(body);
        } catch (IOException e) {
            return "not JSON";
        }
        if (json == null || !json.isObject()) {
            return "not an envelope";
        }
        if (!json.path("success").isBoolean() || json.path("success").asBoolean()) {
            return "success is not false";
        }
        if (json.path("code").asInt(-1) != status) {
            return "code " + json.path("code") + " is not the status";
        }
        if (!SIX_DIGITS.matcher(json.path("userError").path("code").asText("")).matches()) {
            return "userError.code is not six digits";
        }
        return null;
    }

    private Map<String, String> snapshot(List<String> gets) {
        Map<String, String> answers = new TreeMap<>();
        for (String path : gets) {
            HttpRequest.Builder request = HttpRequest.newBuilder(at(path)).timeout(Duration.ofSeconds(30))
                    .GET().header("Accept", "application/json");
            headers.forEach(request::header);
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                answers.put("GET " + path, response.statusCode() + " " + snapshotNormalizer.apply(response.body()));
            } catch (IOException e) {
                answers.put("GET " + path, "no answer: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        probes.forEach((name, probe) -> answers.put(name, probe.get()));
        return answers;
    }

    private String uri(String key, String template, JsonNode pathItem, JsonNode op) {
        Map<String, String> values = new HashMap<>(pathValues);
        values.putAll(operationPathValues.getOrDefault(key, Map.of()));
        Matcher m = PATH_PARAM.matcher(template);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for path parameter {" + m.group(1) + "}");
            }
            m.appendReplacement(path, Matcher.quoteReplacement(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        }
        m.appendTail(path);
        List<String> query = new ArrayList<>();
        List<JsonNode> parameters = new ArrayList<>();
        pathItem.path("parameters").forEach(parameters::add);
        op.path("parameters").forEach(parameters::add);
        for (JsonNode p : parameters) {
            if (p.path("in").asText().equals("query") && p.path("required").asBoolean(false)) {
                String name = p.path("name").asText();
                String value = values.get(name);
                if (value == null) {
                    throw new IllegalArgumentException("no value for required query parameter " + name);
                }
                query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return query.isEmpty() ? path.toString() : path + "?" + String.join("&", query);
    }

    private URI at(String pathAndQuery) {
        String root = base.toString();
        return URI.create((root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + pathAndQuery);
    }

    private JsonNode readOpenApi() {
        HttpRequest request = HttpRequest.newBuilder(at("/q/openapi?format=json")).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /q/openapi answered " + response.statusCode());
            }
            return BadInputs.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return BadInputs.JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("sample is not JSON: " + json, e);
        }
    }

    /** Where two answers first differ, with some context of each. */
    static String difference(String before, String after) {
        if (before == null || after == null) {
            return "before " + excerpt(before) + ", after " + excerpt(after);
        }
        int i = 0;
        while (i < before.length() && i < after.length() && before.charAt(i) == after.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 80);
        return "at character " + i + ", before ..." + excerpt(before.substring(from, Math.min(before.length(), i + 150)))
                + " after ..." + excerpt(after.substring(from, Math.min(after.length(), i + 150)));
    }

    static String excerpt(String body) {
        if (body == null) {
            return "null";
        }
        String flat = body.replace('\n', ' ');
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "... (" + body.length() + " characters)";
    }

    /** What one sweep found. */
    public static final class Report {
        private final String service;
        private int operations;
        private int cases;
        private int accepted;
        private final Map<Integer, Integer> statuses = new TreeMap<>();
        private final Map<String, String> skipped = new LinkedHashMap<>();
        private final List<String> failures = new ArrayList<>();

        private Report(String service) {
            this.service = service;
        }

        private void count(int status) {
            statuses.merge(status, 1, Integer::sum);
        }

        private void fail(String operation, String target, String mutation, int status, String detail) {
            failures.add(operation + " [" + target + "] " + mutation + " -> " + (status == 0 ? "" : status + " ")
                    + detail);
        }

        public int cases() {
            return cases;
        }

        public List<String> failures() {
            return List.copyOf(failures);
        }

        /** The summary line, e.g. {@code sweep cart: 1234 cases, 0 failures}. */
        public String summary() {
            return "sweep " + service + ": " + cases + " cases, " + failures.size() + " failures (" + operations
                    + " operations, " + skipped.size() + " skipped; statuses " + statuses + "; " + accepted
                    + " lawfully accepted)";
        }

        public String text() {
            StringBuilder s = new StringBuilder(summary()).append('\n');
            skipped.forEach((op, reason) -> s.append("  skipped ").append(op).append(": ").append(reason)
                    .append('\n'));
            failures.forEach(f -> s.append("  FAIL ").append(f).append('\n'));
            return s.toString();
        }

        private void write() {
            String text = text();
            System.out.println(text);
            try {
                Path dir = Path.of("target");
                if (Files.isDirectory(dir)) {
                    Files.writeString(dir.resolve("bad-input-sweep-" + service + ".txt"), text);
                }
            } catch (IOException e) {
                System.out.println("could not write the sweep report: " + e);
            }
        }

        /** Fails listing every failure, unless {@code -Dkassa.sweep.strict=false}. */
        public void assertClean() {
            if (cases == 0) {
                throw new AssertionError("sweep " + service + " sent no case:\n" + text());
            }
            boolean strict = Boolean.parseBoolean(System.getProperty("kassa.sweep.strict", "true"));
            if (!failures.isEmpty() && strict) {
                throw new AssertionError(text());
            }
        }
    }
}
