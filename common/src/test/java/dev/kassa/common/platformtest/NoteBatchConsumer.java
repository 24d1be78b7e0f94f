package dev.kassa.common.platformtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.common.event.ConsumerPolicy;
import dev.kassa.common.event.EventEnvelope;
import dev.kassa.common.pg.ProcessedEvents;
import dev.kassa.common.pg.TenantTx;
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

/**
 * The batch form of {@link NoteTallyConsumer}: what one poll returned is applied per tenant in one
 * transaction, with one statement for the processed-event records and one for the tally.
 */
@ApplicationScoped
public class NoteBatchConsumer {
    public static final String CHANNEL = "note-batches";
    public static final String TOPIC = "pos.test-note-batches";
    static final String CONSUMER = "platformtest-batch-tally";

    @Inject
    ObjectMapper mapper;
    @Inject
    TenantTx tx;
    @Inject
    ProcessedEvents processed;
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
        Map<String, Map<String, Integer>> byTenant = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            EventEnvelope event = EventEnvelope.parse(mapper, record.value());
            byTenant.computeIfAbsent(event.tenantId(), t -> new LinkedHashMap<>())
                    .putIfAbsent(event.eventId(), event.body().path("qty").asInt());
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, Map<String, Integer>> tenant : byTenant.entrySet()) {
            chain = chain.chain(() -> tx.run(tenant.getKey(), session ->
                    processed.firstTimes(session, CONSUMER, tenant.getValue().keySet()).flatMap(fresh -> {
                        int qty = fresh.stream().mapToInt(id -> tenant.getValue().get(id)).sum();
                        return fresh.isEmpty() ? Uni.createFrom().voidItem() : session.createNativeQuery("""
                                        INSERT INTO tally (id, total, applied) VALUES (1, :qty, :n)
                                        ON CONFLICT (id) DO UPDATE SET total = tally.total + :qty,
                                            applied = tally.applied + :n""")
                                .setParameter("qty", qty)
                                .setParameter("n", fresh.size())
                                .executeUpdate()
                                .replaceWithVoid();
                    })));
        }
        return chain;
    }
}
