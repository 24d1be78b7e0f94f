package dev.kassa.cart.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.cart.service.TransactionService;
import dev.kassa.common.event.ConsumerPolicy;
import dev.kassa.common.event.DeliveryAck;
import dev.kassa.common.event.EventEnvelope;
import dev.kassa.common.event.Topics;
import dev.kassa.common.pg.TenantSchemas;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumers' acknowledgements of our tranlogs ({@code pos.delivery-ack}): each one updates the
 * event's delivery-status record. Acks of other topics (or events not ours) are ignored. While
 * PostgreSQL is away an ack waits for it ({@link ConsumerPolicy}).
 */
@ApplicationScoped
public class DeliveryAcks {
    static final String CHANNEL = "delivery-ack";

    @Inject
    ObjectMapper mapper;
    @Inject
    TransactionService transactions;
    @Inject
    TenantSchemas schemas;

    @Inject
    ConsumerPolicy policy;

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return policy.process(CHANNEL, record, () -> apply(record.value()));
    }

    private Uni<Void> apply(String record) {
        return Uni.createFrom().item(() -> EventEnvelope.parse(mapper, record)).flatMap(envelope -> {
            DeliveryAck ack = envelope.as(mapper, DeliveryAck.class);
            if (!Topics.TRANLOG.equals(ack.sourceTopic()) || ack.tenantId() == null || ack.service() == null) {
                return Uni.createFrom().voidItem();
            }
            return schemas.exists(ack.tenantId()).flatMap(exists -> !exists ? Uni.createFrom().voidItem()
                    : transactions.acknowledge(ack.tenantId(), ack.eventId(), ack.service(), ack.status(),
                            ack.message()).replaceWithVoid());
        });
    }
}
