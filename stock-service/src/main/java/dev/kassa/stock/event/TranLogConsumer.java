package dev.kassa.stock.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.common.api.ApiException;
import dev.kassa.common.event.DeliveryAck;
import dev.kassa.common.event.EventEnvelope;
import dev.kassa.common.event.PoisonEventException;
import dev.kassa.common.event.Topics;
import dev.kassa.common.event.TranLog;
import dev.kassa.stock.service.StockService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Applies {@code pos.tranlog} to stock, once per event id (see {@link StockService#apply}), and
 * acknowledges each record on {@code pos.delivery-ack}. A record that can never apply (not JSON,
 * no event id or tenant, not a tranlog, a tenant this service does not hold) fails and goes to
 * {@code pos.dlq}; a passing fault (a lost connection) is retried a few times first.
 */
@ApplicationScoped
public class TranLogConsumer {
    private static final Logger LOG = Logger.getLogger(TranLogConsumer.class);

    @Inject
    ObjectMapper mapper;
    @Inject
    StockService stock;
    @Inject
    DeliveryAcks acks;

    @Incoming("tranlog")
    public Uni<Void> consume(String record) {
        return Uni.createFrom().item(() -> EventEnvelope.parse(mapper, record))
                .flatMap(event -> Uni.createFrom().deferred(() -> apply(event)))
                .onFailure().invoke(e -> LOG.warnf("Tranlog record not applied, to the dead-letter topic: %s",
                        e.toString()));
    }

    Uni<Void> apply(EventEnvelope event) {
        TranLog tranlog = event.as(mapper, TranLog.class);
        if (tranlog.storeCode() == null || tranlog.storeCode().isBlank()) {
            throw new PoisonEventException("no store_code");
        }
        String key = Topics.terminalKey(tranlog.tenantId(), tranlog.storeCode(), tranlog.terminalNo());
        String type = event.eventType() == null ? TranLog.EVENT_TYPE : event.eventType();
        return stock.apply(tranlog)
                .onFailure(TranLogConsumer::passing).retry().withBackOff(Duration.ofMillis(200)).atMost(3)
                .flatMap(outcome -> acks.send(key, event.eventId(), type, event.tenantId(), DeliveryAck.RECEIVED,
                        outcome.firstTime() ? "" : "Duplicate event"))
                .onFailure().call(e -> acks.send(key, event.eventId(), type, event.tenantId(), DeliveryAck.FAILED,
                        String.valueOf(e.getMessage())));
    }

    /** Faults worth another try; a client-side error (unknown tenant) or a poison record is not. */
    private static boolean passing(Throwable e) {
        return !(e instanceof PoisonEventException) && !(e instanceof ApiException);
    }
}
