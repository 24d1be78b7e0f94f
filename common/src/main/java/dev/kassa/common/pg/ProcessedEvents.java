package dev.kassa.common.pg;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

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

    /**
     * {@link #firstTime} for a batch in one statement: the ids of {@code eventIds} this consumer has
     * not seen before (now recorded). An id repeated inside the batch counts once.
     */
    public Uni<Set<String>> firstTimes(Mutiny.Session session, String consumer, Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return session.createNativeQuery("""
                        INSERT INTO kassa.processed_event (consumer, event_id)
                        SELECT DISTINCT :consumer, id FROM unnest(CAST(:ids AS text[])) AS id
                        ON CONFLICT DO NOTHING RETURNING event_id""", String.class)
                .setParameter("consumer", consumer)
                .setParameter("ids", eventIds.toArray(String[]::new))
                .getResultList()
                .map(HashSet::new);
    }
}
