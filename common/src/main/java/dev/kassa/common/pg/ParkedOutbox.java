package dev.kassa.common.pg;

import dev.kassa.common.api.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The operator's view of one tenant's parked outbox rows, and their re-drive. */
@ApplicationScoped
public class ParkedOutbox {

    @Inject
    DataSource dataSource;

    @Inject
    OutboxRelay relay;

    /** A parked event: what it is, why it is parked, never its payload. */
    public record ParkedEvent(String eventId, String eventType, String topic, String key, long payloadBytes,
                              int attempts, String lastError, Instant createdAt, Instant parkedAt) {
    }

    public record Page(long total, List<ParkedEvent> events) {
    }

    /** Columns a listing may be sorted by (the wire names, snake_case). */
    public static final Set<String> SORTABLE = Set.of("created_at", "parked_at", "attempts");

    public Page list(String tenantId, PageRequest paging) {
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT count(*) FROM kassa.outbox WHERE tenant_id = ? AND parked_at IS NOT NULL")) {
                ps.setString(1, tenantId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<ParkedEvent> events = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT event_id, event_type, topic, msg_key, octet_length(payload), attempts, last_error,
                           created_at, parked_at
                    FROM kassa.outbox WHERE tenant_id = ? AND parked_at IS NOT NULL"""
                    + paging.orderBy("id", "id") + " LIMIT ? OFFSET ?")) {
                ps.setString(1, tenantId);
                ps.setInt(2, paging.limit());
                ps.setLong(3, ((long) paging.page() - 1) * paging.limit());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        events.add(read(rs));
                    }
                }
            }
            return new Page(total, events);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list parked outbox rows", e);
        }
    }

    /**
     * Clears the parked state of one event of the tenant and gives it a fresh budget of attempts,
     * so the relay tries it again (woken at once). Empty when the tenant has no such parked event.
     */
    public Optional<ParkedEvent> redrive(String tenantId, UUID eventId) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Optional<ParkedEvent> redriven;
                try (PreparedStatement ps = c.prepareStatement("""
                        UPDATE kassa.outbox SET parked_at = NULL, attempts = 0
                        WHERE tenant_id = ? AND event_id = ? AND parked_at IS NOT NULL
                        RETURNING event_id, event_type, topic, msg_key, octet_length(payload), attempts, last_error,
                                  created_at, parked_at""")) {
                    ps.setString(1, tenantId);
                    ps.setObject(2, eventId);
                    try (ResultSet rs = ps.executeQuery()) {
                        redriven = rs.next() ? Optional.of(read(rs)) : Optional.empty();
                    }
                }
                if (redriven.isPresent()) {
                    try (PreparedStatement wake = c.prepareStatement("SELECT pg_notify('kassa_outbox', '')")) {
                        wake.execute();
                    }
                }
                c.commit();
                relay.refreshGaugesSoon();
                return redriven;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot re-drive outbox event " + eventId, e);
        }
    }

    private static ParkedEvent read(ResultSet rs) throws SQLException {
        return new ParkedEvent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getInt(6), rs.getString(7), instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9)));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
