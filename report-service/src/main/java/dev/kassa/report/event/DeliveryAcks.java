package dev.kassa.report.event;

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

import java.time.Duration;
import java.time.Instant;

/**
 * Tells the publisher that the report service received an event, on the topic that publisher reads
 * ({@link Topics#ackTopicFor}: tranlogs to the cart, cash and open/close logs to the terminal
 * service); an event of any other topic has no delivery status, so its ack is dropped. Sent after
 * every delivery, duplicates included, so an acknowledgement lost once is given again by the next
 * redelivery. A failed send is logged, not retried here.
 */
@ApplicationScoped
public class DeliveryAcks {
    private static final Logger LOG = Logger.getLogger(DeliveryAcks.class);
    public static final String SERVICE = "report";

    @Inject
    @Channel("delivery-ack")
    MutinyEmitter<String> emitter;

    @Inject
    ObjectMapper mapper;

    public Uni<Void> received(String topic, EventEnvelope event) {
        return send(topic, event, DeliveryAck.RECEIVED, "");
    }

    public Uni<Void> failed(String topic, EventEnvelope event, String reason) {
        return send(topic, event, DeliveryAck.FAILED, reason == null ? "" : reason);
    }

    private Uni<Void> send(String topic, EventEnvelope event, String status, String message) {
        String ackTopic = Topics.ackTopicFor(topic).orElse(null);
        if (ackTopic == null) {
            LOG.warnf("No delivery ack for event %s of %s: nobody keeps its delivery status", event.eventId(), topic);
            return Uni.createFrom().voidItem();
        }
        DeliveryAck ack = new DeliveryAck(event.eventId(), event.eventType(), topic, event.tenantId(), SERVICE, status,
                message, Instant.now().toString());
        return Uni.createFrom().item(() -> json(ack))
                .flatMap(json -> emitter.sendMessage(Message.of(json).addMetadata(
                        OutgoingKafkaRecordMetadata.<String>builder().withTopic(ackTopic).withKey(key(event)).build())))
                .ifNoItem().after(Duration.ofSeconds(10)).fail()
                .onFailure().recoverWithUni(e -> {
                    LOG.warnf("Delivery ack %s of event %s not sent: %s", status, event.eventId(), e.toString());
                    return Uni.createFrom().voidItem();
                });
    }

    /** Acks travel under the terminal's key, like the events they answer. */
    private static String key(EventEnvelope event) {
        String store = event.body().path("store_code").asText("");
        String terminal = event.body().path("terminal_no").asText("");
        return store.isEmpty() || terminal.isEmpty() ? event.tenantId()
                : event.tenantId() + "-" + store + "-" + terminal;
    }

    private String json(DeliveryAck ack) {
        try {
            return mapper.writeValueAsString(ack);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
