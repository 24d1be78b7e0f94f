package dev.kassa.common.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.UUID;

/**
 * A consumer's word that it applied (or could not apply) an event, on the topic of the event's
 * publisher ({@link Topics#ackTopicFor}); the publisher keeps it in the event's delivery-status record.
 * {@code status}: received or failed.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DeliveryAck(
        String eventId,
        String eventType,
        String sourceTopic,
        String tenantId,
        String service,
        String status,
        String message,
        String occurredAt) {

    public static final String RECEIVED = "received";
    public static final String FAILED = "failed";

    /** Reads an acknowledgement record; one without service or status is poison. */
    public static DeliveryAck read(ObjectMapper mapper, String value) {
        DeliveryAck ack = EventEnvelope.parse(mapper, value).as(mapper, DeliveryAck.class);
        if (ack.service() == null || ack.service().isBlank() || ack.status() == null || ack.status().isBlank()) {
            throw new PoisonEventException("an acknowledgement needs service and status");
        }
        return ack;
    }

    /** The event id as a UUID, or null when it is none (then it names no event of ours). */
    public UUID eventUuid() {
        try {
            return eventId == null ? null : UUID.fromString(eventId);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
