package dev.kassa.journal.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.common.event.DeliveryAck;
import dev.kassa.common.event.EventEnvelope;
import dev.kassa.common.event.Topics;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Tells an event's publisher that the journal received it (or could not apply it), so its
 * delivery-status record shows the journal's state. Each ack goes to the topic its publisher reads
 * ({@link Topics#ackTopicFor}: tranlogs to the cart, cash and open/close logs to the terminal
 * service) under the event's key; an event of any other topic has no delivery status, so its ack
 * is dropped. Sent on every delivery, duplicates included: an acknowledgement lost in a crash is
 * sent again by the redelivery.
 */
@ApplicationScoped
public class DeliveryAcks {
    private static final Logger LOG = Logger.getLogger(DeliveryAcks.class);
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
        String topic = Topics.ackTopicFor(ack.sourceTopic()).orElse(null);
        if (topic == null) {
            LOG.warnf("No delivery ack for event %s of %s: nobody keeps its delivery status", ack.eventId(),
                    ack.sourceTopic());
            return Uni.createFrom().voidItem();
        }
        String json;
        try {
            json = mapper.writeValueAsString(ack);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return emitter.sendMessage(Message.of(json).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withTopic(topic)
                        .withKey(key == null ? ack.tenantId() : key).build()));
    }
}
