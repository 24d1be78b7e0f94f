package dev.kassa.terminal.service;

import dev.kassa.common.api.ApiException;
import dev.kassa.common.pg.TenantTx;
import dev.kassa.terminal.repository.DeliveryStatusRepository;
import dev.kassa.terminal.repository.DeliveryStatusRepository.Ack;
import dev.kassa.terminal.repository.DeliveryStatusRepository.EventDelivery;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Which consumers received each of a terminal's events, from their callbacks and acknowledgements. */
@ApplicationScoped
public class DeliveryStatusService {

    @Inject
    TenantTx tx;

    @Inject
    DeliveryStatusRepository repository;

    /** The callback of the contract; an event of another terminal or none at all is a 404. */
    public Uni<Void> update(String tenantId, String terminalId, String eventId, String service, String status,
                            String message) {
        Optional<UUID> id = uuid(eventId);
        if (id.isEmpty()) {
            return Uni.createFrom().failure(notFound(eventId));
        }
        return tx.run(tenantId, s -> repository.acknowledge(s, id.get(), terminalId, service, status, message))
                .flatMap(found -> found ? Uni.createFrom().voidItem() : Uni.createFrom().failure(notFound(eventId)));
    }

    /** Acknowledgements from Kafka, all of one tenant, in one transaction; those of events not ours change nothing. */
    public Uni<Void> acknowledge(String tenantId, List<Ack> acks) {
        return tx.run(tenantId, s -> repository.acknowledge(s, acks));
    }

    public Uni<List<EventDelivery>> list(String tenantId, String terminalId, String eventId, int limit) {
        UUID id = null;
        if (eventId != null) {
            Optional<UUID> parsed = uuid(eventId);
            if (parsed.isEmpty()) {
                return Uni.createFrom().item(List.of());
            }
            id = parsed.get();
        }
        UUID filter = id;
        return tx.run(tenantId, s -> repository.forTerminal(s, terminalId, filter, limit));
    }

    private static ApiException notFound(String eventId) {
        return ApiException.notFound("Delivery status not found for event_id: " + eventId);
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
