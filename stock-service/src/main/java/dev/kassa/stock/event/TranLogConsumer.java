package dev.kassa.stock.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.common.event.ConsumerPolicy;
import dev.kassa.common.event.DeliveryAck;
import dev.kassa.common.event.EventEnvelope;
import dev.kassa.common.event.PoisonEventException;
import dev.kassa.common.event.Topics;
import dev.kassa.common.event.TranLog;
import dev.kassa.stock.service.StockService;
import io.smallrye.mutiny.Multi;
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
 * Applies {@code pos.tranlog} to stock, once per event id (see {@link StockService#apply}), and
 * acknowledges each record on {@code pos.delivery-ack.cart}. What one poll returned is applied together:
 * one transaction per tenant, in record order. A record that can never apply (not JSON, no event id
 * or tenant, not a tranlog, a tenant this service does not hold) fails its batch before anything is
 * written; the batch's records are then applied one by one, and that record alone goes to
 * {@code pos.dlq} after a {@code failed} acknowledgement. While PostgreSQL is away the batch waits
 * for it ({@link ConsumerPolicy}).
 */
@ApplicationScoped
public class TranLogConsumer {
    static final String CHANNEL = "tranlog";
    /** Acknowledgements in flight at once: enough to keep the producer's batches full, few enough for its queue. */
    private static final int ACKS_IN_FLIGHT = 64;

    @Inject
    ObjectMapper mapper;
    @Inject
    StockService stock;
    @Inject
    DeliveryAcks acks;
    @Inject
    ConsumerPolicy policy;

    private record Received(EventEnvelope event, TranLog tranlog) {
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecords<String, String> polled) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>(polled.count());
        polled.forEach(records::add);
        return policy.processBatch(CHANNEL, records, () -> apply(records.stream().map(this::read).toList()),
                this::consumeOne);
    }

    /** The single-record path a failed batch falls back to. */
    Uni<Void> consumeOne(ConsumerRecord<String, String> record) {
        EventEnvelope[] event = new EventEnvelope[1];
        return policy.process(CHANNEL, record, () -> {
            event[0] = EventEnvelope.parse(mapper, record.value());
            return apply(List.of(read(event[0])));
        }, failure -> event[0] == null ? Uni.createFrom().voidItem() : failed(event[0], failure));
    }

    private Received read(ConsumerRecord<String, String> record) {
        return read(EventEnvelope.parse(mapper, record.value()));
    }

    private Received read(EventEnvelope event) {
        TranLog tranlog = event.as(mapper, TranLog.class);
        if (tranlog.storeCode() == null || tranlog.storeCode().isBlank()) {
            throw new PoisonEventException("no store_code");
        }
        return new Received(event, tranlog);
    }

    /**
     * Every tenant is checked before anything is written, so an unknown one fails the batch while
     * the others are still unapplied; each tenant's records are acknowledged once its commit is done.
     */
    private Uni<Void> apply(List<Received> received) {
        Map<String, List<Received>> byTenant = new LinkedHashMap<>();
        received.forEach(r -> byTenant.computeIfAbsent(r.tranlog().tenantId(), t -> new ArrayList<>()).add(r));
        return stock.requireTenants(byTenant.keySet())
                .chain(() -> Multi.createFrom().iterable(byTenant.entrySet())
                        .onItem().transformToUniAndConcatenate(tenant -> applyTenant(tenant.getKey(), tenant.getValue()))
                        .collect().last())
                .replaceWithVoid();
    }

    private Uni<Void> applyTenant(String tenant, List<Received> received) {
        return stock.apply(tenant, received.stream().map(Received::tranlog).toList())
                .flatMap(firstTimes -> Multi.createFrom().range(0, received.size())
                        .onItem().transformToUni(i -> received(received.get(i).event(), firstTimes.get(i)))
                        .merge(ACKS_IN_FLIGHT)
                        .collect().last()
                        .replaceWithVoid());
    }

    private Uni<Void> received(EventEnvelope event, boolean firstTime) {
        return acks.send(key(event), event.eventId(), type(event), event.tenantId(), DeliveryAck.RECEIVED,
                firstTime ? "" : "Duplicate event");
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
