package dev.kassa.masterdata.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.common.api.ApiException;
import dev.kassa.common.event.CashLog;
import dev.kassa.common.event.ConsumerPolicy;
import dev.kassa.common.event.EventEnvelope;
import dev.kassa.common.event.PoisonEventException;
import dev.kassa.masterdata.service.LedgerService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.ArrayList;
import java.util.List;

/**
 * Feeds the credit ledgers from {@code pos.cashlog}: a cash in with a customer is a credit repayment taken
 * at a till and is posted once under its repayment id ({@link LedgerService#repaidAtTill}); a back-office
 * repayment's own cash log finds its entry already there. A plain cash movement (no customer) is skipped
 * without touching the database, so the drawer's traffic costs the ledger nothing. What one poll returned
 * is posted in record order; a repayment of a customer or tenant this service does not hold is poison and
 * goes to {@code pos.dlq} alone; while PostgreSQL is away the batch waits ({@link ConsumerPolicy}).
 */
@ApplicationScoped
public class LedgerCashLogConsumer {
    static final String CHANNEL = "ledger-cashlog";

    @Inject
    ObjectMapper mapper;

    @Inject
    LedgerService ledger;

    @Inject
    ConsumerPolicy policy;

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecords<String, String> polled) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>(polled.count());
        polled.forEach(records::add);
        return policy.processBatch(CHANNEL, records, () -> postAll(records),
                record -> policy.process(CHANNEL, record, () -> post(record.value())));
    }

    private Uni<Void> postAll(List<ConsumerRecord<String, String>> records) {
        Uni<?> chain = Uni.createFrom().voidItem();
        for (ConsumerRecord<String, String> record : records) {
            chain = chain.chain(() -> post(record.value()));
        }
        return chain.replaceWithVoid();
    }

    private Uni<Boolean> post(String value) {
        EventEnvelope event = EventEnvelope.parse(mapper, value);
        if (event.eventType() != null && !CashLog.EVENT_TYPE.equals(event.eventType())) {
            throw new PoisonEventException("not a cash log: " + event.eventType());
        }
        String customer = event.body().path("customer_code").asText("");
        if (customer.isBlank()) {
            return Uni.createFrom().item(false);
        }
        CashLog cash = event.as(mapper, CashLog.class);
        if (cash.amount() == null || cash.amount().signum() <= 0) {
            throw new PoisonEventException("a repayment must be a cash in: " + cash.amount());
        }
        return ledger.repaidAtTill(event.tenantId(), event.eventId(), cash)
                .onFailure(ApiException.class)
                .transform(e -> new PoisonEventException("cannot post: " + e.getMessage()));
    }
}
