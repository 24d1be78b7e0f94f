package dev.kassa.common.trace;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;

/**
 * The spans of an event's way through Kafka, which no instrumentation sees whole: the outbox relay's
 * send (a child of the request that wrote the outbox row, whose context the row keeps) and each
 * consumer's processing of a record (a child of the relay's send, whose context travels as the
 * record's {@code traceparent} and {@code tracestate} headers). With tracing off (no OTLP endpoint,
 * see {@link TracingSwitch}) it does nothing but pass a stored context on unchanged.
 */
@ApplicationScoped
public class EventTracing {
    static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    static final AttributeKey<String> GROUP = AttributeKey.stringKey("messaging.consumer.group.name");
    static final AttributeKey<Long> PARTITION = AttributeKey.longKey("messaging.destination.partition.id");
    static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");
    static final AttributeKey<String> CONSUMER = AttributeKey.stringKey("kassa.consumer");

    @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "true")
    boolean disabled;

    @Inject
    Instance<OpenTelemetry> openTelemetry;

    private Tracer tracer;

    public EventTracing() {
    }

    /** With a tracer of the caller's (tests). */
    EventTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    @PostConstruct
    void init() {
        if (!disabled && openTelemetry.isResolvable()) {
            tracer = openTelemetry.get().getTracer("dev.kassa.events");
        }
    }

    public boolean enabled() {
        return tracer != null;
    }

    /**
     * Starts the relay's span for sending an outbox row: a producer span whose parent is the row's
     * stored context (a new trace when it has none). Null when tracing is off.
     */
    public Span startPublish(String topic, String eventId, TraceContext stored) {
        if (tracer == null) {
            return null;
        }
        Context parent = stored == null ? Context.root() : stored.asParent();
        return tracer.spanBuilder(topic + " publish")
                .setParent(parent)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute(SYSTEM, "kafka")
                .setAttribute(DESTINATION, topic)
                .setAttribute(OPERATION, "send")
                .setAttribute(MESSAGE_ID, eventId)
                .startSpan();
    }

    /**
     * Writes the trace context a consumer should continue into the record's headers: the relay's span
     * when there is one, otherwise the row's stored context as it is (tracing off here, maybe not there).
     */
    public static void inject(Headers headers, Span span, TraceContext stored) {
        TraceContext context = span == null ? stored : TraceContext.of(Context.root().with(span));
        if (context == null) {
            return;
        }
        headers.add(TraceContext.TRACEPARENT, context.traceparent().getBytes(StandardCharsets.UTF_8));
        if (context.tracestate() != null && !context.tracestate().isEmpty()) {
            headers.add(TraceContext.TRACESTATE, context.tracestate().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The trace context a record carries in its headers, or null. */
    public static TraceContext of(ConsumerRecord<?, ?> record) {
        String parent = header(record.headers(), TraceContext.TRACEPARENT);
        return parent == null ? null : new TraceContext(parent, header(record.headers(), TraceContext.TRACESTATE));
    }

    /**
     * Starts a consumer's span for processing one record: a child of the context in the record's
     * headers (a new trace when it has none). Null when tracing is off.
     */
    public Span startProcess(String consumer, String group, ConsumerRecord<?, ?> record) {
        if (tracer == null) {
            return null;
        }
        TraceContext carried = of(record);
        return tracer.spanBuilder(record.topic() + " process")
                .setParent(carried == null ? Context.root() : carried.asParent())
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute(SYSTEM, "kafka")
                .setAttribute(DESTINATION, record.topic())
                .setAttribute(OPERATION, "process")
                .setAttribute(GROUP, group)
                .setAttribute(CONSUMER, consumer)
                .setAttribute(PARTITION, (long) record.partition())
                .setAttribute(OFFSET, record.offset())
                .startSpan();
    }

    /** Ends a span started here (null: tracing off), marking it failed when {@code failure} is not null. */
    public static void end(Span span, Throwable failure) {
        if (span == null) {
            return;
        }
        if (failure != null) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
        }
        span.end();
    }

    private static String header(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
