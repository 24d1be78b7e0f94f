package dev.kassa.masterdata.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.common.event.ConsumerPolicy;
import dev.kassa.common.event.EventEnvelope;
import dev.kassa.common.event.PoisonEventException;
import dev.kassa.common.event.TranLog;
import dev.kassa.masterdata.service.LedgerPostings;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the customer ledgers from {@code pos.tranlog}: a tranlog with a customer is posted once
 * ({@link LedgerPostings}); one without is skipped without touching the database, so sales without a
 * customer cost the ledger nothing. A tranlog with a customer of a tenant this service does not hold
 * is poison and goes to {@code pos.dlq}; while PostgreSQL is away the record waits ({@link ConsumerPolicy}).
 */
@ApplicationScoped
public class LedgerTranLogConsumer {
    static final String CHANNEL = "ledger-tranlog";

    @Inject
    ObjectMapper mapper;

    @Inject
    LedgerPostings postings;

    @Inject
    ConsumerPolicy policy;

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return policy.process(CHANNEL, record, () -> post(record.value()));
    }

    private Uni<Boolean> post(String value) {
        EventEnvelope event = EventEnvelope.parse(mapper, value);
        if (event.eventType() != null && !TranLog.EVENT_TYPE.equals(event.eventType())) {
            throw new PoisonEventException("not a tranlog: " + event.eventType());
        }
        if (LedgerPostings.customerOf(event.body()) == null) {
            return Uni.createFrom().item(false);
        }
        return postings.post(event.tenantId(), event.eventId(), event.body())
                .onFailure(dev.kassa.common.api.ApiException.class)
                .transform(e -> new PoisonEventException("cannot post: " + e.getMessage()));
    }
}
