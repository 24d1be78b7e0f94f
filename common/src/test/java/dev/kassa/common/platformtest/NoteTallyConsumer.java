package dev.kassa.common.platformtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.common.event.EventEnvelope;
import dev.kassa.common.pg.ProcessedEvents;
import dev.kassa.common.pg.TenantTx;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Applies note events to a per-tenant tally, once per event id however often it arrives. */
@ApplicationScoped
public class NoteTallyConsumer {
    public static final String CONSUMER = "platformtest-tally";

    @Inject
    ObjectMapper mapper;
    @Inject
    TenantTx tx;
    @Inject
    ProcessedEvents processed;

    @Incoming("notes")
    public Uni<Void> consume(String record) {
        return Uni.createFrom().item(() -> EventEnvelope.parse(mapper, record)).flatMap(this::apply);
    }

    public Uni<Void> apply(EventEnvelope event) {
        int qty = event.body().path("qty").asInt();
        return tx.run(event.tenantId(), session -> processed.firstTime(session, CONSUMER, event.eventId())
                .flatMap(first -> !first ? Uni.createFrom().voidItem() : session.createNativeQuery("""
                                INSERT INTO tally (id, total, applied) VALUES (1, :qty, 1)
                                ON CONFLICT (id) DO UPDATE SET total = tally.total + :qty, applied = tally.applied + 1""")
                        .setParameter("qty", qty)
                        .executeUpdate()
                        .replaceWithVoid()));
    }
}
