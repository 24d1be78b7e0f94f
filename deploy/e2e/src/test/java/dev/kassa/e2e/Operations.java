package dev.kassa.e2e;

import dev.kassa.e2e.TraceCollector.SpanData;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What operators see of the day: one sale's trace across the services (from {@link TraceCollector}) and the
 * Prometheus counters of each service's {@code /q/metrics}.
 */
final class Operations {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Operations() {
    }

    /** A W3C trace context as a till would send it: a new trace, its own span as the parent, sampled. */
    record Traceparent(String traceId, String spanId) {
        static Traceparent fresh() {
            byte[] trace = new byte[16];
            byte[] span = new byte[8];
            RANDOM.nextBytes(trace);
            RANDOM.nextBytes(span);
            return new Traceparent(HexFormat.of().formatHex(trace), HexFormat.of().formatHex(span));
        }

        String header() {
            return "00-" + traceId + "-" + spanId + "-01";
        }
    }

    // ------------------------------------------------------------------------------------------ traces

    /**
     * Waits until the trace holds the cart's server span of the bill request (a child of the till's span),
     * the relay's send of the tranlog under it, and each consumer's processing of that record as a child of
     * the send; answers a line per span found, or fails naming what is missing and what the trace holds.
     */
    static String saleTrace(TraceCollector collector, Traceparent till, List<String> consumers, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> missing;
        List<SpanData> trace;
        do {
            trace = collector.trace(till.traceId());
            missing = new ArrayList<>();
            List<String> found = new ArrayList<>();
            Map<String, SpanData> byId = trace.stream().collect(Collectors.toMap(SpanData::spanId, s -> s, (a, b) -> a));
            Optional<SpanData> bill = first(trace, s -> s.service().equals("cart-service")
                    && s.kind() == SpanData.SERVER && s.parentSpanId().equals(till.spanId()));
            if (bill.isEmpty()) {
                missing.add("the cart's server span of the bill request (parent: the till's span)");
            } else {
                found.add("cart " + bill.get().name());
                Optional<SpanData> relay = first(trace, s -> s.service().equals("cart-service")
                        && s.kind() == SpanData.PRODUCER && s.name().equals("pos.tranlog publish")
                        && descendsFrom(s, bill.get(), byId));
                if (relay.isEmpty()) {
                    missing.add("the relay's 'pos.tranlog publish' span under the bill request");
                } else {
                    found.add("relay " + relay.get().name());
                    for (String consumer : consumers) {
                        Optional<SpanData> span = first(trace, s -> s.service().equals(consumer + "-service")
                                && s.kind() == SpanData.CONSUMER && s.name().equals("pos.tranlog process")
                                && s.parentSpanId().equals(relay.get().spanId()));
                        if (span.isEmpty()) {
                            missing.add(consumer + "'s 'pos.tranlog process' span, child of the relay's send");
                        } else {
                            found.add(consumer + " " + span.get().name());
                        }
                    }
                }
            }
            if (missing.isEmpty()) {
                return String.join("; ", found);
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("trace " + till.traceId() + " lacks " + missing + "; spans received: "
                + collector.census() + "; the trace holds:\n  "
                + trace.stream().map(SpanData::toString).collect(Collectors.joining("\n  ")));
    }

    /** Waits for a span of {@code service} in the trace whose parent is a span of {@code caller}. */
    static String calledWithin(TraceCollector collector, Traceparent till, String caller, String service,
                               Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<SpanData> trace;
        do {
            trace = collector.trace(till.traceId());
            Map<String, SpanData> byId = trace.stream().collect(Collectors.toMap(SpanData::spanId, s -> s, (a, b) -> a));
            Optional<SpanData> called = first(trace, s -> s.service().equals(service)
                    && byId.containsKey(s.parentSpanId()) && byId.get(s.parentSpanId()).service().equals(caller));
            if (called.isPresent()) {
                return service + " " + called.get().name() + " under " + caller + " "
                        + byId.get(called.get().parentSpanId()).name();
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no span of " + service + " under one of " + caller + " in trace " + till.traceId()
                + "; spans received: " + collector.census() + "; it holds:\n  " + trace.stream().map(SpanData::toString).collect(Collectors.joining("\n  ")));
    }

    private static Optional<SpanData> first(List<SpanData> spans, Predicate<SpanData> test) {
        return spans.stream().filter(test).findFirst();
    }

    private static boolean descendsFrom(SpanData span, SpanData ancestor, Map<String, SpanData> byId) {
        SpanData at = span;
        for (int depth = 0; at != null && depth < 50; depth++) {
            if (at.parentSpanId().equals(ancestor.spanId())) {
                return true;
            }
            at = byId.get(at.parentSpanId());
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------ metrics

    /** One scrape of a service's {@code /q/metrics}: each series ({@code name{labels}}) and its value. */
    record Scrape(Map<String, Double> series) {

        /** The sum of the series of {@code name} whose labels contain every one of {@code labels}. */
        double sum(String name, String... labels) {
            double total = 0;
            for (Map.Entry<String, Double> e : series.entrySet()) {
                String key = e.getKey();
                int brace = key.indexOf('{');
                String metric = brace < 0 ? key : key.substring(0, brace);
                if (!metric.equals(name)) {
                    continue;
                }
                boolean all = true;
                for (String label : labels) {
                    all &= key.contains(label);
                }
                if (all) {
                    total += e.getValue();
                }
            }
            return total;
        }

        boolean has(String name) {
            return series.keySet().stream().anyMatch(k -> k.equals(name) || k.startsWith(name + "{"));
        }
    }

    static Scrape scrape(int port) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/metrics"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET :" + port + "/q/metrics answered " + response.statusCode());
        }
        Map<String, Double> series = new LinkedHashMap<>();
        for (String line : response.body().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int exemplar = line.indexOf(" # "); // a counter's exemplar: the trace and span that last counted
            String sample = exemplar < 0 ? line : line.substring(0, exemplar);
            int space = sample.lastIndexOf(' ');
            try {
                series.put(sample.substring(0, space), Double.parseDouble(sample.substring(space + 1)));
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                // a line we do not need
            }
        }
        return new Scrape(series);
    }

    /** Every service's scrape, by service name. */
    static Map<String, Scrape> scrapeAll() throws IOException, InterruptedException {
        Map<String, Scrape> all = new LinkedHashMap<>();
        for (ServiceFleet.Service s : ServiceFleet.SERVICES) {
            all.put(s.name(), scrape(s.port()));
        }
        return all;
    }
}
