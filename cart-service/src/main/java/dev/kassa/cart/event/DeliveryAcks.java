package dev.kassa.cart.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.cart.service.TransactionService;
import dev.kassa.cart.service.TransactionService.Ack;
import dev.kassa.common.event.ConsumerPolicy;
import dev.kassa.common.event.DeliveryAck;
import dev.kassa.common.event.Topics;
import dev.kassa.common.pg.TenantSchemas;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Consumers' acknowledgements of our tranlogs ({@code pos.delivery-ack.cart}), a polled batch at a
 * time: per tenant one transaction with one statement updates the delivery-status records
 * ({@link TransactionService#acknowledge(String, List)}). An acknowledgement of another topic's event,
 * of an event id that is not ours, or of a tenant not held here is dropped before any statement.
 * Applying one twice changes nothing. A record that cannot be read fails the batch, which is then
 * applied one by one, so only that record is dead-lettered; while PostgreSQL is away the batch waits
 * for it ({@link ConsumerPolicy}).
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
    public Uni<Void> consume(ConsumerRecords<String, String> polled) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>(polled.count());
        polled.forEach(records::add);
        return policy.processBatch(CHANNEL, records, () -> apply(records),
                record -> policy.process(CHANNEL, record, () -> apply(List.of(record))));
    }

    private Uni<Void> apply(List<ConsumerRecord<String, String>> records) {
        Map<String, List<Ack>> byTenant = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            DeliveryAck ack = DeliveryAck.read(mapper, record.value());
            UUID eventId = ack.eventUuid();
            if (Topics.TRANLOG.equals(ack.sourceTopic()) && eventId != null) {
                byTenant.computeIfAbsent(ack.tenantId(), t -> new ArrayList<>())
                        .add(new Ack(eventId, ack.service(), ack.status(), ack.message()));
            }
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, List<Ack>> tenant : byTenant.entrySet()) {
            chain = chain.chain(() -> schemas.exists(tenant.getKey()).flatMap(known -> !known
                    ? Uni.createFrom().voidItem()
                    : transactions.acknowledge(tenant.getKey(), tenant.getValue())));
        }
        return chain;
    }
}
