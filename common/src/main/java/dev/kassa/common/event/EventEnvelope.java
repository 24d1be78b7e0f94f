package dev.kassa.common.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The first look a consumer takes at a record: valid JSON with an {@code event_id} and a valid
 * {@code tenant_id}, or a {@link PoisonEventException} that sends it to the dead-letter topic.
 */
public record EventEnvelope(String eventId, String eventType, String tenantId, JsonNode body) {

    public static EventEnvelope parse(ObjectMapper mapper, String value) {
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("empty record");
        }
        JsonNode body;
        try {
            body = mapper.readTree(value);
        } catch (Exception e) {
            throw new PoisonEventException("not JSON: " + e.getClass().getSimpleName());
        }
        if (body == null || !body.isObject()) {
            throw new PoisonEventException("not a JSON object");
        }
        String eventId = body.path("event_id").asText("");
        if (eventId.isBlank()) {
            throw new PoisonEventException("no event_id");
        }
        String tenantId = body.path("tenant_id").asText("");
        if (!dev.kassa.common.tenant.TenantIds.isValid(tenantId)) {
            throw new PoisonEventException("no valid tenant_id");
        }
        return new EventEnvelope(eventId, body.path("event_type").asText(null), tenantId, body);
    }

    public <T> T as(ObjectMapper mapper, Class<T> type) {
        try {
            return mapper.treeToValue(body, type);
        } catch (Exception e) {
            throw new PoisonEventException("does not fit " + type.getSimpleName() + ": " + e.getMessage());
        }
    }
}
