package dev.kassa.common.pg;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The idempotent-consumer record of a PostgreSQL service: call {@link #firstTime} first, in
 * the same transaction as the effect, and apply the effect only when it answers true. A
 * redelivered event then finds its row and changes nothing, however late it comes.
 */
@ApplicationScoped
public class ProcessedEvents {

    public Uni<Boolean> firstTime(Mutiny.Session session, String consumer, String eventId) {
        return session.createNativeQuery("""
                        INSERT INTO kassa.processed_event (consumer, event_id) VALUES (:consumer, :eventId)
                        ON CONFLICT DO NOTHING""")
                .setParameter("consumer", consumer)
                .setParameter("eventId", eventId)
                .executeUpdate()
                .map(rows -> rows == 1);
    }
}
