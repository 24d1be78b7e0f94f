package dev.kassa.masterdata.event;

import dev.kassa.common.event.MasterDataChanged;
import dev.kassa.common.event.OutgoingEvent;
import dev.kassa.common.event.Topics;
import dev.kassa.common.pg.OutboxWriter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.util.UUID;

/**
 * Tells other services' caches what to evict: one small {@link MasterDataChanged} per write, in
 * the outbox of the writing transaction, so it is on {@code pos.masterdata} if and only if the
 * change committed. Keyed by tenant, so one tenant's changes arrive in order.
 */
@ApplicationScoped
public class ChangeEvents {
    public static final String CREATED = "created";
    public static final String UPDATED = "updated";
    public static final String DELETED = "deleted";

    @Inject
    OutboxWriter outbox;

    public Uni<Void> changed(Mutiny.Session session, String tenantId, String entity, String code,
                             String storeCode, String action) {
        String eventId = UUID.randomUUID().toString();
        MasterDataChanged event = new MasterDataChanged(eventId, MasterDataChanged.EVENT_TYPE, tenantId, entity,
                code, storeCode, action, Instant.now().toString());
        return outbox.append(session,
                new OutgoingEvent(eventId, tenantId, Topics.MASTERDATA, tenantId, MasterDataChanged.EVENT_TYPE, event));
    }

    public Uni<Void> changed(Mutiny.Session session, String tenantId, String entity, String code, String action) {
        return changed(session, tenantId, entity, code, null, action);
    }
}
