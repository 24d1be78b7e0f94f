package dev.kassa.terminal.event;

import dev.kassa.common.event.CashLog;
import dev.kassa.common.event.OpenCloseLog;
import dev.kassa.common.event.OutgoingEvent;
import dev.kassa.common.event.Topics;
import dev.kassa.common.pg.OutboxWriter;
import dev.kassa.terminal.config.TerminalConfig;
import dev.kassa.terminal.repository.DeliveryStatusRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.UUID;

/**
 * Writes the terminal's events to the outbox, with their delivery-status records, inside the
 * transaction of the state change; the relay publishes them after commit, keyed by terminal.
 */
@ApplicationScoped
public class TerminalEvents {

    @Inject
    OutboxWriter outbox;

    @Inject
    DeliveryStatusRepository delivery;

    @Inject
    TerminalConfig config;

    public Uni<Void> cashLog(Mutiny.Session session, String terminalId, CashLog log) {
        return write(session, terminalId, log.eventId(), log.tenantId(), Topics.CASHLOG,
                Topics.terminalKey(log.tenantId(), log.storeCode(), log.terminalNo()), log.eventType(), log);
    }

    public Uni<Void> openCloseLog(Mutiny.Session session, String terminalId, OpenCloseLog log) {
        return write(session, terminalId, log.eventId(), log.tenantId(), Topics.OPENCLOSELOG,
                Topics.terminalKey(log.tenantId(), log.storeCode(), log.terminalNo()), log.eventType(), log);
    }

    private Uni<Void> write(Mutiny.Session session, String terminalId, String eventId, String tenantId, String topic,
                            String key, String eventType, Object payload) {
        return outbox.append(session, new OutgoingEvent(eventId, tenantId, topic, key, eventType, payload))
                .flatMap(v -> delivery.create(session, UUID.fromString(eventId), terminalId, topic, eventType,
                        config.delivery().services()));
    }
}
