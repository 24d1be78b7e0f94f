package dev.kassa.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/**
 * A tiny OTLP/HTTP receiver (protobuf, {@code POST /v1/traces}) the fleet's services export their spans
 * to, so the business day can follow one sale's trace through the real services. It keeps of each span what
 * the checks need (service, ids, name, kind) and reads the protobuf wire format itself: the OTLP message
 * classes are not among this build's dependencies, and five fields need no library.
 */
final class TraceCollector implements AutoCloseable {

    /** One span as exported: hex ids ({@code parentSpanId} empty for a root), {@code kind} as OTLP numbers it. */
    record SpanData(String service, String traceId, String spanId, String parentSpanId, String name, int kind) {
        static final int SERVER = 2;
        static final int CLIENT = 3;
        static final int PRODUCER = 4;
        static final int CONSUMER = 5;

        @Override
        public String toString() {
            return service + " " + name + " (kind " + kind + ", span " + spanId + ", parent " + parentSpanId + ")";
        }
    }

    private static TraceCollector shared;

    private final HttpServer server;
    private final List<SpanData> spans = new CopyOnWriteArrayList<>();

    private TraceCollector() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::receive);
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "kassa-e2e-otlp");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** The collector of this JVM (the shared fleet exports to it); started by the first caller. */
    static synchronized TraceCollector shared() throws IOException {
        if (shared == null) {
            shared = new TraceCollector();
        }
        return shared;
    }

    /** The base URL for {@code KASSA_OTLP_ENDPOINT}. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How many spans each service exported, and a few of the cart's names (for a failure message). */
    String census() {
        Map<String, Long> counts = spans.stream().collect(java.util.stream.Collectors.groupingBy(SpanData::service,
                java.util.TreeMap::new, java.util.stream.Collectors.counting()));
        return counts + "; cart: " + spans.stream().filter(s -> s.service().equals("cart-service")).limit(8)
                .map(SpanData::name).toList();
    }

    List<SpanData> trace(String traceId) {
        return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            int status = 200;
            try {
                readRequest(new Wire(body)); // only traces are exported (Quarkus' OTel metrics and logs are off)
            } catch (RuntimeException e) {
                status = 400;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(status, -1); // an empty Export*ServiceResponse
        }
    }

    // ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
    private void readRequest(Wire w) {
        while (w.more()) {
            int field = w.tag();
            if (field == 1) {
                readResourceSpans(w.message());
            } else {
                w.skip();
            }
        }
    }

    // ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; }
    private void readResourceSpans(Wire w) {
        String service = "?";
        List<Wire> scopes = new java.util.ArrayList<>();
        while (w.more()) {
            int field = w.tag();
            if (field == 1) {
                Wire resource = w.message(); // Resource { repeated KeyValue attributes = 1; }
                while (resource.more()) {
                    if (resource.tag() == 1) {
                        String[] kv = keyValue(resource.message());
                        if ("service.name".equals(kv[0])) {
                            service = kv[1];
                        }
                    } else {
                        resource.skip();
                    }
                }
            } else if (field == 2) {
                scopes.add(w.message());
            } else {
                w.skip();
            }
        }
        for (Wire scope : scopes) { // ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; }
            while (scope.more()) {
                if (scope.tag() == 2) {
                    spans.add(readSpan(service, scope.message()));
                } else {
                    scope.skip();
                }
            }
        }
    }

    // Span { bytes trace_id = 1; bytes span_id = 2; bytes parent_span_id = 4; string name = 5; SpanKind kind = 6; }
    private static SpanData readSpan(String service, Wire w) {
        String traceId = "", spanId = "", parent = "", name = "";
        int kind = 0;
        while (w.more()) {
            switch (w.tag()) {
                case 1 -> traceId = HexFormat.of().formatHex(w.bytes());
                case 2 -> spanId = HexFormat.of().formatHex(w.bytes());
                case 4 -> parent = HexFormat.of().formatHex(w.bytes());
                case 5 -> name = new String(w.bytes(), StandardCharsets.UTF_8);
                case 6 -> kind = (int) w.varint();
                default -> w.skip();
            }
        }
        return new SpanData(service, traceId, spanId, parent, name, kind);
    }

    // KeyValue { string key = 1; AnyValue value = 2; }  AnyValue { string string_value = 1; ... }
    private static String[] keyValue(Wire w) {
        String key = null, value = null;
        while (w.more()) {
            int field = w.tag();
            if (field == 1) {
                key = new String(w.bytes(), StandardCharsets.UTF_8);
            } else if (field == 2) {
                Wire any = w.message();
                while (any.more()) {
                    if (any.tag() == 1) {
                        value = new String(any.bytes(), StandardCharsets.UTF_8);
                    } else {
                        any.skip();
                    }
                }
            } else {
                w.skip();
            }
        }
        return new String[] {key, value};
    }

    /** The protobuf wire format over a slice of bytes: tags, varints, length-delimited fields. */
    private static final class Wire {
        private final byte[] buf;
        private int pos;
        private final int limit;
        private int wireType;

        Wire(byte[] buf) {
            this(buf, 0, buf.length);
        }

        private Wire(byte[] buf, int from, int to) {
            this.buf = buf;
            this.pos = from;
            this.limit = to;
        }

        boolean more() {
            return pos < limit;
        }

        /** The next field's number; its wire type is kept for the read or skip that follows. */
        int tag() {
            long tag = varint();
            wireType = (int) (tag & 7);
            return (int) (tag >>> 3);
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = buf[pos++];
                value |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("malformed varint");
        }

        byte[] bytes() {
            int length = (int) varint();
            byte[] out = java.util.Arrays.copyOfRange(buf, pos, pos + length);
            pos += length;
            return out;
        }

        Wire message() {
            int length = (int) varint();
            Wire inner = new Wire(buf, pos, pos + length);
            pos += length;
            return inner;
        }

        void skip() {
            switch (wireType) {
                case 0 -> varint();
                case 1 -> pos += 8;
                case 2 -> {
                    int length = (int) varint(); // read before pos (pos += varint() would add to the old pos)
                    pos += length;
                }
                case 5 -> pos += 4;
                default -> throw new IllegalArgumentException("wire type " + wireType);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
