package dev.kassa.common.trace;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The hops no instrumentation sees: a request's context stored with the outbox row, the relay's send as its
 * child, the Kafka headers, and a consumer's processing as the send's child. (The e2e business day shows
 * the same chain across the real services.)
 */
class EventTracingTest {

    private final List<SpanData> exported = new CopyOnWriteArrayList<>();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(new SpanExporter() {
                @Override
                public CompletableResultCode export(Collection<SpanData> spans) {
                    exported.addAll(spans);
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode flush() {
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode shutdown() {
                    return CompletableResultCode.ofSuccess();
                }
            })).build();
    private final Tracer tracer = provider.get("test");

    @AfterEach
    void close() {
        provider.close();
    }

    private static ConsumerRecord<String, String> received(RecordHeaders headers) {
        return new ConsumerRecord<>("pos.tranlog", 2, 42L, 0L, TimestampType.CREATE_TIME, -1, -1, "key", "{}", headers,
                Optional.empty());
    }

    private SpanData span(String name) {
        return exported.stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theRequestTheRelayAndTheConsumerShareOneTrace() {
        EventTracing tracing = new EventTracing(tracer);
        Span request = tracer.spanBuilder("POST /bill").setSpanKind(SpanKind.SERVER).startSpan();
        TraceContext stored;
        try (Scope ignored = request.makeCurrent()) {
            stored = TraceContext.current(); // what the outbox row keeps
        }
        request.end();
        assertNotNull(stored);
        assertEquals("00-" + request.getSpanContext().getTraceId() + "-" + request.getSpanContext().getSpanId() + "-01",
                stored.traceparent());

        Span send = tracing.startPublish("pos.tranlog", "event-1", stored);
        RecordHeaders headers = new RecordHeaders();
        EventTracing.inject(headers, send, stored);
        EventTracing.end(send, null);

        Span process = tracing.startProcess("journal-service/journal-logs", "journal-service", received(headers));
        EventTracing.end(process, null);

        SpanData r = span("POST /bill");
        SpanData s = span("pos.tranlog publish");
        SpanData p = span("pos.tranlog process");
        assertEquals(r.getTraceId(), s.getTraceId());
        assertEquals(r.getTraceId(), p.getTraceId());
        assertEquals(r.getSpanId(), s.getParentSpanId(), "the send is the request's child");
        assertEquals(s.getSpanId(), p.getParentSpanId(), "the processing is the send's child");
        assertEquals(SpanKind.PRODUCER, s.getKind());
        assertEquals(SpanKind.CONSUMER, p.getKind());
        assertEquals("journal-service/journal-logs", p.getAttributes().get(EventTracing.CONSUMER));
        assertEquals("event-1", s.getAttributes().get(EventTracing.MESSAGE_ID));
        assertEquals(42L, p.getAttributes().get(EventTracing.OFFSET));
    }

    @Test
    void aRowWithoutContextStartsATraceOfItsOwn() {
        EventTracing tracing = new EventTracing(tracer);
        Span send = tracing.startPublish("pos.cashlog", "event-2", null);
        RecordHeaders headers = new RecordHeaders();
        EventTracing.inject(headers, send, null);
        EventTracing.end(send, new IllegalStateException("refused"));
        Span process = tracing.startProcess("report-service/pos-logs", "report-service", received(headers));
        EventTracing.end(process, null);
        SpanData s = span("pos.cashlog publish");
        assertEquals("0000000000000000", s.getParentSpanId());
        assertEquals(io.opentelemetry.api.trace.StatusCode.ERROR, s.getStatus().getStatusCode());
        assertEquals(s.getSpanId(), exported.stream().filter(x -> x.getKind() == SpanKind.CONSUMER).findFirst()
                .orElseThrow().getParentSpanId());
    }

    @Test
    void withTracingOffTheStoredContextPassesOnUnchangedAndNoSpanStarts() {
        EventTracing off = new EventTracing(null);
        assertNull(TraceContext.current(), "no span, nothing to store");
        TraceContext stored = new TraceContext("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "k=v");
        assertNull(off.startPublish("pos.tranlog", "event-3", stored));
        RecordHeaders headers = new RecordHeaders();
        EventTracing.inject(headers, null, stored);
        assertEquals(stored.traceparent(), new String(headers.lastHeader("traceparent").value(), StandardCharsets.UTF_8));
        assertEquals("k=v", new String(headers.lastHeader("tracestate").value(), StandardCharsets.UTF_8));
        assertEquals(stored, EventTracing.of(received(headers)));
        assertNull(off.startProcess("stock-service/tranlog", "stock-service", received(headers)));
        EventTracing.end(null, null);
        assertEquals(List.of(), exported);
    }
}
