package dev.kassa.journal.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.common.event.EventEnvelope;
import dev.kassa.common.event.PoisonEventException;
import dev.kassa.common.event.Topics;
import dev.kassa.journal.config.JournalConfig;
import dev.kassa.journal.domain.LogKind;
import dev.kassa.journal.service.JournalService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@code pos.tranlog}, {@code pos.cashlog} and {@code pos.opencloselog} (group
 * journal-service) and applies each record, then acknowledges it on {@code pos.delivery-ack}.
 * A store or broker that is away is retried with backoff; a record that can never be applied
 * (not JSON, no event id, unknown tenant, does not fit its log) goes to {@code pos.dlq} with the
 * reason, after a {@code failed} acknowledgement when its event id is known, and the next record
 * is read.
 */
@ApplicationScoped
public class LogConsumer {
    private static final Logger LOG = Logger.getLogger(LogConsumer.class);

    @Inject
    ObjectMapper mapper;

    @Inject
    JournalService journal;

    @Inject
    DeliveryAcks acks;

    @Inject
    JournalConfig config;

    @Incoming("journal-logs")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        LogKind kind = kindOf(record.topic());
        EventEnvelope event;
        try {
            if (kind == null) {
                throw new PoisonEventException("no journal entry comes from topic " + record.topic());
            }
            event = EventEnvelope.parse(mapper, record.value());
        } catch (PoisonEventException e) {
            LOG.warnf("Dead-lettering a record of %s (key %s): %s", record.topic(), record.key(), e.getMessage());
            return Uni.createFrom().failure(e);
        }
        JournalConfig.Consumer retry = config.consumer();
        return Uni.createFrom().deferred(() -> journal.apply(kind, event))
                .chain(() -> acks.received(event, record.topic(), record.key()))
                .onFailure(Failures::isTransient).retry()
                .withBackOff(retry.initialBackoff(), retry.maxBackoff()).atMost(retry.maxRetries())
                .onFailure().call(failure -> {
                    LOG.warnf("Dead-lettering event %s of %s: %s", event.eventId(), record.topic(),
                            Failures.reason(failure));
                    return acks.failed(event, record.topic(), record.key(), Failures.reason(failure))
                            .onFailure().recoverWithNull();
                });
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
