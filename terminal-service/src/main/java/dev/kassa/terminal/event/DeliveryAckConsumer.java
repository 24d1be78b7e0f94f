package dev.kassa.terminal.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.common.event.ConsumerPolicy;
import dev.kassa.common.event.DeliveryAck;
import dev.kassa.common.event.EventEnvelope;
import dev.kassa.common.event.PoisonEventException;
import dev.kassa.common.pg.TenantSchemas;
import dev.kassa.terminal.service.DeliveryStatusService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Acknowledgements of the consumers (journal, report) on {@code pos.delivery-ack}. The topic is
 * shared by every publishing service, so an acknowledgement of an event that is not ours is
 * skipped. Setting a status is idempotent, so a redelivered record does no harm; a record that
 * cannot be read goes to the dead-letter topic, and while PostgreSQL is away an acknowledgement
 * waits for it ({@link ConsumerPolicy}).
 */
@ApplicationScoped
public class DeliveryAckConsumer {
    static final String CHANNEL = "delivery-ack";
    private static final Logger LOG = Logger.getLogger(DeliveryAckConsumer.class);

    @Inject
    ObjectMapper mapper;

    @Inject
    TenantSchemas schemas;

    @Inject
    DeliveryStatusService deliveryStatus;

    @Inject
    ConsumerPolicy policy;

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return policy.process(CHANNEL, record, () -> apply(record.value()));
    }

    private Uni<Void> apply(String value) {
        return Uni.createFrom().item(() -> read(value))
                .flatMap(ack -> schemas.exists(ack.tenantId()).flatMap(known -> !known
                        ? Uni.createFrom().item(false)
                        : deliveryStatus.acknowledge(ack.tenantId(), ack.eventId(), ack.service(), ack.status(),
                        ack.message())))
                .invoke(applied -> {
                    if (applied) {
                        LOG.debugf("Delivery acknowledged: %s", value);
                    }
                })
                .replaceWithVoid();
    }

    private DeliveryAck read(String value) {
        DeliveryAck ack = EventEnvelope.parse(mapper, value).as(mapper, DeliveryAck.class);
        if (ack.service() == null || ack.service().isBlank() || ack.status() == null || ack.status().isBlank()) {
            throw new PoisonEventException("an acknowledgement needs service and status");
        }
        return ack;
    }
}
