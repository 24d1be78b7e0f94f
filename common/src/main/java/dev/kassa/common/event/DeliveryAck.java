package dev.kassa.common.event;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

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
}
