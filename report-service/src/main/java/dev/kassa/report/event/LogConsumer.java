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
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.regex.Pattern;

/**
 * Stores every tranlog, cash log and open/close log as received, once per event id however often it
 * comes, then acknowledges it. A record that can never be applied (not JSON, no event id, not a log
 * of its topic) goes to {@code pos.dlq} with the reason; while MongoDB is away the record waits for it
 * ({@link ConsumerPolicy}).
 */
@ApplicationScoped
public class LogConsumer {
    static final String CHANNEL = "pos-logs";
    private static final Pattern DATE = Pattern.compile("\\d{8}");

    @Inject
    ObjectMapper mapper;

    @Inject
    LogRepository logs;

    @Inject
    DeliveryAcks acks;

    @Inject
    ConsumerPolicy policy;

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        String topic = record.topic();
        EventEnvelope[] event = new EventEnvelope[1];
        return policy.process(CHANNEL, record, () -> {
            event[0] = EventEnvelope.parse(mapper, record.value());
            return apply(topic, event[0], record.value()).call(() -> acks.received(topic, event[0]));
        }, failure -> event[0] == null ? Uni.createFrom().voidItem()
                : acks.failed(topic, event[0], FailureKind.reason(failure)));
    }

    Uni<Void> apply(String topic, EventEnvelope event, String payload) {
        return switch (topic) {
            case Topics.TRANLOG -> {
                TranLog t = event.as(mapper, TranLog.class);
                where(t.storeCode(), t.businessDate());
                if (!TransactionTypes.isKnown(t.transactionType())) {
                    throw new PoisonEventException("unknown transaction_type " + t.transactionType());
                }
                yield logs.saveTranLog(t, payload);
            }
            case Topics.CASHLOG -> {
                CashLog c = event.as(mapper, CashLog.class);
                where(c.storeCode(), c.businessDate());
                if (c.amount() == null) {
                    throw new PoisonEventException("a cash log without amount");
                }
                yield logs.saveCashLog(c, payload);
            }
            case Topics.OPENCLOSELOG -> {
                OpenCloseLog o = event.as(mapper, OpenCloseLog.class);
                where(o.storeCode(), o.businessDate());
                if (!OpenCloseLog.OPEN.equals(o.operation()) && !OpenCloseLog.CLOSE.equals(o.operation())) {
                    throw new PoisonEventException("operation must be open or close: " + o.operation());
                }
                yield logs.saveOpenCloseLog(o, payload);
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
