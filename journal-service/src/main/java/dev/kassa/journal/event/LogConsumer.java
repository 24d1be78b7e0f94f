package dev.kassa.journal.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.common.event.ConsumerPolicy;
import dev.kassa.common.event.EventEnvelope;
import dev.kassa.common.event.FailureKind;
import dev.kassa.common.event.PoisonEventException;
import dev.kassa.common.event.Topics;
import dev.kassa.journal.domain.LogKind;
import dev.kassa.journal.service.JournalService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code pos.tranlog}, {@code pos.cashlog} and {@code pos.opencloselog} (group
 * journal-service) in batches, applies each batch in bulk, then acknowledges every record on its
 * publisher's acknowledgement topic ({@code Topics.ackTopicFor}). While MongoDB or Kafka is away the
 * batch waits for it ({@link ConsumerPolicy}); a batch that fails otherwise is applied again record by record, so a
 * record that can never be applied (not JSON, no event id, unknown tenant, does not fit its log)
 * goes alone to {@code pos.dlq} with the reason, after a {@code failed} acknowledgement when its
 * event id is known, and the others are applied.
 */
@ApplicationScoped
public class LogConsumer {
    static final String CHANNEL = "journal-logs";
    /** Acknowledgements of a batch sent at once, well within the emitter's buffer. */
    private static final int ACKS_IN_FLIGHT = 64;

    @Inject
    ObjectMapper mapper;

    @Inject
    JournalService journal;

    @Inject
    DeliveryAcks acks;

    @Inject
    ConsumerPolicy policy;

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecords<String, String> polled) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>(polled.count());
        polled.forEach(records::add);
        return policy.processBatch(CHANNEL, records, () -> applyAll(records), this::consumeOne);
    }

    /** The whole batch: every record parsed before anything is written, acknowledged once all is written. */
    private Uni<Void> applyAll(List<ConsumerRecord<String, String>> records) {
        List<JournalService.Log> logs = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            logs.add(new JournalService.Log(kindOf(record), EventEnvelope.parse(mapper, record.value())));
        }
        return journal.applyAll(logs).chain(() -> Multi.createFrom().range(0, records.size())
                .onItem().transformToUni(i -> acks.received(logs.get(i).event(), records.get(i).topic(),
                        records.get(i).key()))
                .merge(ACKS_IN_FLIGHT)
                .onItem().ignoreAsUni());
    }

    /** One record alone, as before batches: the path of a batch that failed for a reason other than its store. */
    Uni<Void> consumeOne(ConsumerRecord<String, String> record) {
        EventEnvelope[] event = new EventEnvelope[1];
        return policy.process(CHANNEL, record, () -> {
            LogKind kind = kindOf(record);
            event[0] = EventEnvelope.parse(mapper, record.value());
            return journal.apply(kind, event[0]).chain(() -> acks.received(event[0], record.topic(), record.key()));
        }, failure -> event[0] == null ? Uni.createFrom().voidItem()
                : acks.failed(event[0], record.topic(), record.key(), FailureKind.reason(failure)));
    }

    private static LogKind kindOf(ConsumerRecord<String, String> record) {
        return switch (record.topic()) {
            case Topics.TRANLOG -> LogKind.TRANLOG;
            case Topics.CASHLOG -> LogKind.CASHLOG;
            case Topics.OPENCLOSELOG -> LogKind.OPENCLOSELOG;
            default -> throw new PoisonEventException("no journal entry comes from topic " + record.topic());
        };
    }
}
