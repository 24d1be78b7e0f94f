package dev.kassa.journal.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.common.event.DeliveryAck;
import dev.kassa.common.event.EventEnvelope;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Instant;

/**
 * Tells the publishers on {@code pos.delivery-ack} that the journal received an event (or could
 * not apply it), so their delivery-status records show the journal's state. Sent on every delivery,
 * duplicates included: an acknowledgement lost in a crash is sent again by the redelivery.
 */
@ApplicationScoped
public class DeliveryAcks {
    public static final String SERVICE = "journal";

    @Inject
    @Channel("delivery-ack")
    MutinyEmitter<String> emitter;

    @Inject
    ObjectMapper mapper;

    public Uni<Void> received(EventEnvelope event, String sourceTopic, String key) {
        return send(key, ack(event, sourceTopic, DeliveryAck.RECEIVED, ""));
    }

    public Uni<Void> failed(EventEnvelope event, String sourceTopic, String key, String reason) {
        return send(key, ack(event, sourceTopic, DeliveryAck.FAILED, reason));
    }

    private static DeliveryAck ack(EventEnvelope event, String sourceTopic, String status, String message) {
        return new DeliveryAck(event.eventId(), event.eventType(), sourceTopic, event.tenantId(), SERVICE, status,
                message, Instant.now().toString());
    }

    private Uni<Void> send(String key, DeliveryAck ack) {
        String json;
        try {
            json = mapper.writeValueAsString(ack);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return emitter.sendMessage(Message.of(json).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(key == null ? ack.tenantId() : key).build()));
    }
}
