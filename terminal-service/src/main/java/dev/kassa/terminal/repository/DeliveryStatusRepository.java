package dev.kassa.terminal.repository;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Delivery of each published event to the services that consume it. */
@ApplicationScoped
public class DeliveryStatusRepository {
    public static final String PUBLISHED = "published";
    public static final String DELIVERED = "delivered";
    public static final String PARTIALLY_DELIVERED = "partially_delivered";
    public static final String FAILED = "failed";
    public static final String PENDING = "pending";
    public static final String RECEIVED = "received";

    /** An event's overall status from its services': all received, any received, all failed, or as it was. */
    private static final String OVERALL = """
            CASE
              WHEN NOT EXISTS (SELECT 1 FROM delivery_status_service s
                               WHERE s.event_id = d.event_id AND s.status <> 'received') THEN 'delivered'
              WHEN EXISTS (SELECT 1 FROM delivery_status_service s
                           WHERE s.event_id = d.event_id AND s.status = 'received') THEN 'partially_delivered'
              WHEN NOT EXISTS (SELECT 1 FROM delivery_status_service s
                               WHERE s.event_id = d.event_id AND s.status <> 'failed') THEN 'failed'
              ELSE d.status END""";

    public record ServiceStatus(String service, String status, String message, OffsetDateTime updatedAt) {
    }

    /** One consumer's word on one event. */
    public record Ack(UUID eventId, String service, String status, String message) {
    }

    public record EventDelivery(UUID eventId, String terminalId, String topic, String eventType, String status,
                                OffsetDateTime createdAt, OffsetDateTime updatedAt, List<ServiceStatus> services) {
    }

    /** Written with the event, in the transaction that writes it to the outbox. */
    public Uni<Void> create(Mutiny.Session session, UUID eventId, String terminalId, String topic, String eventType,
                            List<String> services) {
        Uni<Integer> insert = session.createNativeQuery("""
                        INSERT INTO delivery_status (event_id, terminal_id, topic, event_type, status)
                        VALUES (:id, :terminal, :topic, :type, :status)""")
                .setParameter("id", eventId)
                .setParameter("terminal", terminalId)
                .setParameter("topic", topic)
                .setParameter("type", eventType)
                .setParameter("status", PUBLISHED)
                .executeUpdate();
        for (String service : services) {
            insert = insert.flatMap(n -> session.createNativeQuery("""
                            INSERT INTO delivery_status_service (event_id, service, status) VALUES (:id, :service, :status)""")
                    .setParameter("id", eventId)
                    .setParameter("service", service)
                    .setParameter("status", PENDING)
                    .executeUpdate());
        }
        return insert.replaceWithVoid();
    }

    /**
     * Records one service's word on an event and derives the event's overall status. False when the
     * event is not one of this tenant's (for {@code terminalId}, when given).
     */
    public Uni<Boolean> acknowledge(Mutiny.Session session, UUID eventId, String terminalId, String service,
                                    String status, String message) {
        return session.createNativeQuery("SELECT terminal_id FROM delivery_status WHERE event_id = :id FOR UPDATE",
                        String.class)
                .setParameter("id", eventId)
                .getResultList()
                .flatMap(found -> {
                    if (found.isEmpty() || (terminalId != null && !terminalId.equals(found.get(0)))) {
                        return Uni.createFrom().item(false);
                    }
                    return session.createNativeQuery("""
                                    INSERT INTO delivery_status_service (event_id, service, status, message, updated_at)
                                    VALUES (:id, :service, :status, :message, now())
                                    ON CONFLICT (event_id, service) DO UPDATE
                                    SET status = EXCLUDED.status, message = EXCLUDED.message, updated_at = now()""")
                            .setParameter("id", eventId)
                            .setParameter("service", service)
                            .setParameter("status", status)
                            .setParameter("message", message)
                            .executeUpdate()
                            .flatMap(n -> session.createNativeQuery(
                                            "UPDATE delivery_status d SET updated_at = now(), status = " + OVERALL
                                                    + " WHERE d.event_id = :id")
                                    .setParameter("id", eventId)
                                    .executeUpdate())
                            .replaceWith(true);
                });
    }

    /**
     * {@link #acknowledge} for acknowledgements from Kafka, several events of this tenant at once, in
     * two statements: the events are locked (as a single acknowledgement locks its event, so the two
     * never interleave) and the services' words recorded, then each event's overall status is derived
     * from all its services. Words on events that are not this tenant's change nothing; several words
     * of one service on one event: the last counts.
     */
    public Uni<Void> acknowledge(Mutiny.Session session, List<Ack> acks) {
        Map<List<Object>, Ack> last = new LinkedHashMap<>();
        for (Ack ack : acks) {
            last.remove(List.of(ack.eventId(), ack.service()));
            last.put(List.of(ack.eventId(), ack.service()), ack);
        }
        if (last.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Ack> words = List.copyOf(last.values());
        String[] ids = words.stream().map(a -> a.eventId().toString()).toArray(String[]::new);
        return session.createNativeQuery("""
                        WITH event AS (SELECT event_id FROM delivery_status
                                       WHERE event_id = ANY (CAST(CAST(:ids AS text[]) AS uuid[]))
                                       ORDER BY event_id FOR UPDATE)
                        INSERT INTO delivery_status_service (event_id, service, status, message, updated_at)
                        SELECT CAST(a.event_id AS uuid), a.service, a.status, a.message, now()
                        FROM unnest(CAST(:ids AS text[]), CAST(:services AS text[]), CAST(:statuses AS text[]),
                                    CAST(:messages AS text[])) AS a(event_id, service, status, message)
                        JOIN event e ON e.event_id = CAST(a.event_id AS uuid)
                        ON CONFLICT (event_id, service) DO UPDATE
                        SET status = EXCLUDED.status, message = EXCLUDED.message, updated_at = now()""")
                .setParameter("ids", ids)
                .setParameter("services", words.stream().map(Ack::service).toArray(String[]::new))
                .setParameter("statuses", words.stream().map(Ack::status).toArray(String[]::new))
                .setParameter("messages", words.stream().map(Ack::message).toArray(String[]::new))
                .executeUpdate()
                .flatMap(n -> n == 0 ? Uni.createFrom().item(0) : session.createNativeQuery(
                                "UPDATE delivery_status d SET updated_at = now(), status = " + OVERALL
                                        + " WHERE d.event_id = ANY (CAST(CAST(:ids AS text[]) AS uuid[]))")
                        .setParameter("ids", ids)
                        .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<List<EventDelivery>> forTerminal(Mutiny.Session session, String terminalId, UUID eventId, int limit) {
        String filter = eventId == null ? "" : " AND d.event_id = :id";
        Mutiny.SelectionQuery<Object[]> query = session.createNativeQuery("""
                        SELECT d.event_id, d.terminal_id, d.topic, d.event_type, d.status, d.created_at, d.updated_at,
                               s.service, s.status, s.message, s.updated_at
                        FROM (SELECT * FROM delivery_status d WHERE d.terminal_id = :terminal""" + filter + """
                         ORDER BY d.created_at DESC, d.event_id LIMIT :limit) d
                        LEFT JOIN delivery_status_service s ON s.event_id = d.event_id
                        ORDER BY d.created_at DESC, d.event_id, s.service""", Object[].class)
                .setParameter("terminal", terminalId)
                .setParameter("limit", limit);
        if (eventId != null) {
            query.setParameter("id", eventId);
        }
        return query.getResultList().map(DeliveryStatusRepository::group);
    }

    private static List<EventDelivery> group(List<Object[]> rows) {
        Map<UUID, EventDelivery> events = new LinkedHashMap<>();
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            EventDelivery e = events.computeIfAbsent(id, k -> new EventDelivery(id, (String) r[1], (String) r[2],
                    (String) r[3], (String) r[4], time(r[5]), time(r[6]), new ArrayList<>()));
            if (r[7] != null) {
                e.services().add(new ServiceStatus((String) r[7], (String) r[8], (String) r[9], time(r[10])));
            }
        }
        return List.copyOf(events.values());
    }

    private static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return value == null ? null : OffsetDateTime.parse(value.toString());
    }
}
