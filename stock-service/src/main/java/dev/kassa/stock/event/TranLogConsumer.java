package dev.kassa.stock.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.common.event.ConsumerPolicy;
import dev.kassa.common.event.DeliveryAck;
import dev.kassa.common.event.EventEnvelope;
import dev.kassa.common.event.PoisonEventException;
import dev.kassa.common.event.Topics;
import dev.kassa.common.event.TranLog;
import dev.kassa.stock.service.StockService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Applies {@code pos.tranlog} to stock, once per event id (see {@link StockService#apply}), and
 * acknowledges each record on {@code pos.delivery-ack}. A record that can never apply (not JSON,
 * no event id or tenant, not a tranlog, a tenant this service does not hold) goes to {@code pos.dlq}
 * after a {@code failed} acknowledgement; while PostgreSQL is away the record waits for it
 * ({@link ConsumerPolicy}).
 */
@ApplicationScoped
public class TranLogConsumer {
    static final String CHANNEL = "tranlog";

    @Inject
    ObjectMapper mapper;
    @Inject
    StockService stock;
    @Inject
    DeliveryAcks acks;
    @Inject
    ConsumerPolicy policy;

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        EventEnvelope[] event = new EventEnvelope[1];
        return policy.process(CHANNEL, record, () -> {
            event[0] = EventEnvelope.parse(mapper, record.value());
            return apply(event[0]);
        }, failure -> event[0] == null ? Uni.createFrom().voidItem() : failed(event[0], failure));
    }

    Uni<Void> apply(EventEnvelope event) {
        TranLog tranlog = event.as(mapper, TranLog.class);
        if (tranlog.storeCode() == null || tranlog.storeCode().isBlank()) {
            throw new PoisonEventException("no store_code");
        }
        return stock.apply(tranlog)
                .flatMap(outcome -> acks.send(key(event), event.eventId(), type(event), event.tenantId(),
                        DeliveryAck.RECEIVED, outcome.firstTime() ? "" : "Duplicate event"));
    }

    private Uni<Void> failed(EventEnvelope event, Throwable failure) {
        return acks.send(key(event), event.eventId(), type(event), event.tenantId(), DeliveryAck.FAILED,
                String.valueOf(failure.getMessage()));
    }

    private static String type(EventEnvelope event) {
        return event.eventType() == null ? TranLog.EVENT_TYPE : event.eventType();
    }

    private static String key(EventEnvelope event) {
        String store = event.body().path("store_code").asText("");
        return Topics.terminalKey(event.tenantId(), store, event.body().path("terminal_no").asInt());
    }
}
