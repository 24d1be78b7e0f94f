package dev.kassa.common.pg;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.common.event.OutgoingEvent;
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

    public Uni<Void> append(Mutiny.Session session, OutgoingEvent event) {
        String payload;
        try {
            payload = mapper.writeValueAsString(event.payload());
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("Event cannot be written as JSON", e));
        }
        return session.createNativeQuery("""
                        INSERT INTO kassa.outbox (event_id, tenant_id, topic, msg_key, event_type, payload)
                        VALUES (:eventId, :tenant, :topic, :key, :type, :payload)""")
                .setParameter("eventId", UUID.fromString(event.eventId()))
                .setParameter("tenant", event.tenantId())
                .setParameter("topic", event.topic())
                .setParameter("key", event.key())
                .setParameter("type", event.eventType())
                .setParameter("payload", payload)
                .executeUpdate()
                .replaceWithVoid();
    }
}
