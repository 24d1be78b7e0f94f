package dev.kassa.journal.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.common.event.ConsumerPolicy;
import dev.kassa.common.event.EventEnvelope;
import dev.kassa.common.event.FailureKind;
import dev.kassa.common.event.PoisonEventException;
import dev.kassa.common.event.Topics;
import dev.kassa.journal.domain.LogKind;
import dev.kassa.journal.service.JournalService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code pos.tranlog}, {@code pos.cashlog} and {@code pos.opencloselog} (group
 * journal-service) and applies each record, then acknowledges it on {@code pos.delivery-ack}.
 * While MongoDB or Kafka is away the record waits for it ({@link ConsumerPolicy}); a record that can
 * never be applied (not JSON, no event id, unknown tenant, does not fit its log) goes to
 * {@code pos.dlq} with the reason, after a {@code failed} acknowledgement when its event id is known,
 * and the next record is read.
 */
@ApplicationScoped
public class LogConsumer {
    static final String CHANNEL = "journal-logs";

    @Inject
    ObjectMapper mapper;

    @Inject
    JournalService journal;

    @Inject
    DeliveryAcks acks;

    @Inject
    ConsumerPolicy policy;

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        EventEnvelope[] event = new EventEnvelope[1];
        return policy.process(CHANNEL, record, () -> {
            LogKind kind = kindOf(record.topic());
            if (kind == null) {
                throw new PoisonEventException("no journal entry comes from topic " + record.topic());
            }
            event[0] = EventEnvelope.parse(mapper, record.value());
            return journal.apply(kind, event[0]).chain(() -> acks.received(event[0], record.topic(), record.key()));
        }, failure -> event[0] == null ? Uni.createFrom().voidItem()
                : acks.failed(event[0], record.topic(), record.key(), FailureKind.reason(failure)));
    }

    static LogKind kindOf(String topic) {
        return switch (topic) {
            case Topics.TRANLOG -> LogKind.TRANLOG;
            case Topics.CASHLOG -> LogKind.CASHLOG;
            case Topics.OPENCLOSELOG -> LogKind.OPENCLOSELOG;
            default -> null;
        };
    }
}
