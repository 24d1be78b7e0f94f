package dev.kassa.stock.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.common.event.DeliveryAck;
import dev.kassa.common.event.Topics;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Tells the publisher of a tranlog (the cart) that stock applied it (or could not), on
 * {@code pos.delivery-ack.cart}, under the tranlog's own key so a terminal's acks stay in order.
 * Sent after the commit; losing one is harmless, since the publisher republishes and the stock
 * consumer acknowledges a duplicate again.
 */
@ApplicationScoped
public class DeliveryAcks {
    private static final Logger LOG = Logger.getLogger(DeliveryAcks.class);
    public static final String SERVICE = "stock";
    private static final String TOPIC = Topics.ackTopicFor(Topics.TRANLOG).orElseThrow();

    @Inject
    @Channel("delivery-ack")
    MutinyEmitter<String> emitter;
    @Inject
    ObjectMapper mapper;
    @Inject
    Clock clock;

    public Uni<Void> send(String key, String eventId, String eventType, String tenantId, String status,
                          String message) {
        DeliveryAck ack = new DeliveryAck(eventId, eventType, Topics.TRANLOG, tenantId, SERVICE, status, message,
                OffsetDateTime.now(clock).toString());
        String json;
        try {
            json = mapper.writeValueAsString(ack);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        Message<String> record = Message.of(json)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withTopic(TOPIC).withKey(key).build());
        return emitter.sendMessage(record)
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("Delivery ack %s of event %s not sent: %s", status, eventId, e.toString());
                    return null;
                });
    }
}
