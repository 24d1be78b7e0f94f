package dev.kassa.recommendation.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.common.event.ConsumerPolicy;
import dev.kassa.common.event.EventEnvelope;
import dev.kassa.common.event.MasterDataChanged;
import dev.kassa.recommendation.repository.ModelStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the set of deleted items from {@code pos.masterdata}: a deleted item is never recommended,
 * one created again may be. The events come keyed by tenant, so a tenant's deletes and re-creates
 * arrive in order; adding to or removing from a set is idempotent by itself.
 * <p>
 * Listening rather than asking master data on every recommendation keeps the read path inside
 * Redis (no call per candidate, no dependency on master data being up while a sale runs); the cost
 * is a delay of one event hop before a deletion takes effect.
 */
@ApplicationScoped
public class MasterDataConsumer {
    static final String CHANNEL = "masterdata";
    static final String ITEM = "item";

    @Inject
    ObjectMapper mapper;
    @Inject
    ConsumerPolicy policy;
    @Inject
    ModelStore model;

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return policy.process(CHANNEL, record, () -> apply(record));
    }

    Uni<Void> apply(ConsumerRecord<String, String> record) {
        EventEnvelope event = EventEnvelope.parse(mapper, record.value());
        MasterDataChanged change = event.as(mapper, MasterDataChanged.class);
        if (!ITEM.equals(change.entity()) || change.code() == null || change.code().isBlank()) {
            return Uni.createFrom().voidItem();
        }
        return switch (String.valueOf(change.action())) {
            case "deleted" -> model.markDeleted(event.tenantId(), change.code(), true);
            case "created" -> model.markDeleted(event.tenantId(), change.code(), false);
            default -> Uni.createFrom().voidItem();
        };
    }
}
