package dev.kassa.common.event;

/**
 * An event on its way to Kafka through the outbox.
 *
 * @param payload serialized as JSON; it carries {@code event_id} and {@code event_type} itself
 */
public record OutgoingEvent(String eventId, String tenantId, String topic, String key, String eventType,
                            Object payload) {
}
