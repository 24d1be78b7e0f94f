package dev.kassa.common.pg;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.common.event.OutgoingEvent;
import dev.kassa.common.trace.TraceContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.UUID;

/**
 * Writes an event into the outbox inside the caller's transaction, so the event exists if and
 * only if the state change committed. The relay publishes it afterwards.
 */
@ApplicationScoped
public class OutboxWriter {

    @Inject
    ObjectMapper mapper;

    /**
     * The same insert for the plain reactive client, as SQL whose values are the given placeholders
     * (such as {@code "$7"}): event id (uuid), tenant, topic, key, event type, payload (JSON text), and the
     * writing request's trace context ({@link TraceContext#current()}; both values null when it is not
     * traced), so the relay and the consumers continue its trace. It can close a statement whose
     * data-modifying CTEs write the state change, so that the change and its event are one statement: one
     * round trip, and a payload also stored elsewhere in the statement is sent once. Built once by the
     * caller, so the statement's text is fixed and its prepared form is cached.
     */
    public static String insertSql(String eventId, String tenant, String topic, String key, String eventType,
                                   String payload, String traceparent, String tracestate) {
        return "INSERT INTO kassa.outbox (event_id, tenant_id, topic, msg_key, event_type, payload, traceparent,"
                + " tracestate) VALUES (" + String.join(", ", eventId, tenant, topic, key, eventType, payload,
                traceparent, tracestate) + ")";
    }

    public Uni<Void> append(Mutiny.Session session, OutgoingEvent event) {
        String payload;
        try {
            payload = mapper.writeValueAsString(event.payload());
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("Event cannot be written as JSON", e));
        }
        TraceContext trace = TraceContext.current();
        return session.createNativeQuery("""
                        INSERT INTO kassa.outbox (event_id, tenant_id, topic, msg_key, event_type, payload,
                                                  traceparent, tracestate)
                        VALUES (:eventId, :tenant, :topic, :key, :type, :payload, :traceparent, :tracestate)""")
                .setParameter("eventId", UUID.fromString(event.eventId()))
                .setParameter("tenant", event.tenantId())
                .setParameter("topic", event.topic())
                .setParameter("key", event.key())
                .setParameter("type", event.eventType())
                .setParameter("payload", payload)
                .setParameter("traceparent", trace == null ? null : trace.traceparent())
                .setParameter("tracestate", trace == null ? null : trace.tracestate())
                .executeUpdate()
                .replaceWithVoid();
    }
}
