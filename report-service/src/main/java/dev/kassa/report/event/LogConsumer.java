package dev.kassa.report.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.common.event.CashLog;
import dev.kassa.common.event.ConsumerPolicy;
import dev.kassa.common.event.FailureKind;
import dev.kassa.common.event.EventEnvelope;
import dev.kassa.common.event.OpenCloseLog;
import dev.kassa.common.event.PoisonEventException;
import dev.kassa.common.event.Topics;
import dev.kassa.common.event.TranLog;
import dev.kassa.report.domain.TransactionTypes;
import dev.kassa.report.repository.LogRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Stores every tranlog, cash log and open/close log as received, once per event id however often it
 * comes, then acknowledges it. Records come in batches, each stored in bulk. While MongoDB is away
 * the batch waits for it ({@link ConsumerPolicy}); a batch that fails otherwise is applied again
 * record by record, so a record that can never be applied (not JSON, no event id, not a log of its
 * topic) goes alone to {@code pos.dlq} with the reason, and the others are stored.
 */
@ApplicationScoped
public class LogConsumer {
    static final String CHANNEL = "pos-logs";
    private static final Pattern DATE = Pattern.compile("\\d{8}");
    /** Acknowledgements of a batch sent at once, well within the emitter's buffer. */
    private static final int ACKS_IN_FLIGHT = 64;

    @Inject
    ObjectMapper mapper;

    @Inject
    LogRepository logs;

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

    /** The whole batch: every record checked before anything is stored, acknowledged once all is stored. */
    private Uni<Void> applyAll(List<ConsumerRecord<String, String>> records) {
        List<EventEnvelope> events = new ArrayList<>(records.size());
        List<LogRepository.Received> received = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            EventEnvelope event = EventEnvelope.parse(mapper, record.value());
            events.add(event);
            received.add(received(record.topic(), event, record.value()));
        }
        return logs.saveAll(received).chain(() -> Multi.createFrom().range(0, records.size())
                .onItem().transformToUni(i -> acks.received(records.get(i).topic(), events.get(i)))
                .merge(ACKS_IN_FLIGHT)
                .onItem().ignoreAsUni());
    }

    /** One record alone, as before batches: the path of a batch that failed for a reason other than its store. */
    Uni<Void> consumeOne(ConsumerRecord<String, String> record) {
        String topic = record.topic();
        EventEnvelope[] event = new EventEnvelope[1];
        return policy.process(CHANNEL, record, () -> {
            event[0] = EventEnvelope.parse(mapper, record.value());
            return logs.save(received(topic, event[0], record.value())).call(() -> acks.received(topic, event[0]));
        }, failure -> event[0] == null ? Uni.createFrom().voidItem()
                : acks.failed(topic, event[0], FailureKind.reason(failure)));
    }

    /** The log as stored, or poison when it does not fit its topic. */
    public LogRepository.Received received(String topic, EventEnvelope event, String payload) {
        return switch (topic) {
            case Topics.TRANLOG -> {
                TranLog t = event.as(mapper, TranLog.class);
                where(t.storeCode(), t.businessDate());
                if (!TransactionTypes.isKnown(t.transactionType())) {
                    throw new PoisonEventException("unknown transaction_type " + t.transactionType());
                }
                yield LogRepository.tranLog(t, payload);
            }
            case Topics.CASHLOG -> {
                CashLog c = event.as(mapper, CashLog.class);
                where(c.storeCode(), c.businessDate());
                if (c.amount() == null) {
                    throw new PoisonEventException("a cash log without amount");
                }
                yield LogRepository.cashLog(c, payload);
            }
            case Topics.OPENCLOSELOG -> {
                OpenCloseLog o = event.as(mapper, OpenCloseLog.class);
                where(o.storeCode(), o.businessDate());
                if (!OpenCloseLog.OPEN.equals(o.operation()) && !OpenCloseLog.CLOSE.equals(o.operation())) {
                    throw new PoisonEventException("operation must be open or close: " + o.operation());
                }
                yield LogRepository.openCloseLog(o, payload);
            }
            default -> throw new PoisonEventException("not a topic of the report service: " + topic);
        };
    }

    /** Every log names its store and business date; reports cannot place one that does not. */
    private static void where(String storeCode, String businessDate) {
        if (storeCode == null || storeCode.isBlank()) {
            throw new PoisonEventException("no store_code");
        }
        if (businessDate == null || !DATE.matcher(businessDate).matches()) {
            throw new PoisonEventException("business_date must be YYYYMMDD: " + businessDate);
        }
    }
}
