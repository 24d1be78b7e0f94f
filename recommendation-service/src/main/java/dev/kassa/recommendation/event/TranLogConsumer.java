package dev.kassa.recommendation.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.common.event.ConsumerPolicy;
import dev.kassa.common.event.EventEnvelope;
import dev.kassa.common.event.PoisonEventException;
import dev.kassa.common.event.TranLog;
import dev.kassa.recommendation.config.RecommendationConfig;
import dev.kassa.recommendation.domain.BasketChange;
import dev.kassa.recommendation.repository.ModelStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Learns from {@code pos.tranlog} in its own consumer group, a poll at a time: the poll's basket
 * changes go to Redis in one pipeline, each applied at most once per event id (see
 * {@link ModelStore#apply}). The cart's delivery status does not wait for this service, so it
 * sends no delivery acknowledgements.
 */
@ApplicationScoped
public class TranLogConsumer {
    static final String CHANNEL = "tranlog";

    @Inject
    ObjectMapper mapper;
    @Inject
    ConsumerPolicy policy;
    @Inject
    ModelStore model;
    @Inject
    RecommendationConfig config;

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecords<String, String> polled) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>(polled.count());
        polled.forEach(records::add);
        return policy.processBatch(CHANNEL, records, () -> apply(records),
                record -> policy.process(CHANNEL, record, () -> apply(List.of(record))));
    }

    Uni<Void> apply(List<ConsumerRecord<String, String>> records) {
        List<BasketChange> changes = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            EventEnvelope event = EventEnvelope.parse(mapper, record.value());
            if (event.eventType() != null && !TranLog.EVENT_TYPE.equals(event.eventType())) {
                continue;
            }
            TranLog tranlog = event.as(mapper, TranLog.class);
            if (tranlog.storeCode() == null || tranlog.storeCode().isBlank()) {
                throw new PoisonEventException("no store_code");
            }
            BasketChange.of(tranlog, Instant.ofEpochMilli(record.timestamp()), config.basketItems())
                    .ifPresent(changes::add);
        }
        return model.apply(changes).replaceWithVoid();
    }
}
