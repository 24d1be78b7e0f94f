package dev.kassa.stock.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.stock.domain.SnapshotSchedule;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The tenant's snapshot schedule and the slots claimed by its runs, in the current transaction's schema. */
@ApplicationScoped
public class ScheduleRepository {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    @Inject
    ObjectMapper mapper;

    public Uni<Optional<SnapshotSchedule>> find(Mutiny.Session session) {
        return session.createNativeQuery("""
                        SELECT enabled, schedule_interval, schedule_hour, schedule_minute, schedule_day_of_week,
                               schedule_day_of_month, retention_days, target_stores, last_executed_at, created_at,
                               updated_at, created_by, updated_by
                          FROM snapshot_schedule WHERE id = 1""", Object[].class)
                .getResultList()
                .map(rows -> rows.stream().findFirst().map(r -> new SnapshotSchedule(
                        Boolean.TRUE.equals(r[0]), Rows.text(r[1]), Rows.integer(r[2]), Rows.integer(r[3]),
                        Rows.integer(r[4]), Rows.integer(r[5]), Rows.integer(r[6]), stores(Rows.text(r[7])),
                        Rows.time(r[8]), Rows.time(r[9]), Rows.time(r[10]), Rows.text(r[11]), Rows.text(r[12]))));
    }

    /** Creates or replaces the schedule; the creation time and creator of an existing one stay. */
    public Uni<Void> save(Mutiny.Session session, SnapshotSchedule s) {
        return session.createNativeQuery("""
                        INSERT INTO snapshot_schedule (id, enabled, schedule_interval, schedule_hour, schedule_minute,
                            schedule_day_of_week, schedule_day_of_month, retention_days, target_stores, created_at,
                            updated_at, created_by, updated_by)
                        VALUES (1, :enabled, :interval, :hour, :minute, :dow, :dom, :retention, :stores, :created,
                            :updated, :createdBy, :updatedBy)
                        ON CONFLICT (id) DO UPDATE SET enabled = EXCLUDED.enabled,
                            schedule_interval = EXCLUDED.schedule_interval, schedule_hour = EXCLUDED.schedule_hour,
                            schedule_minute = EXCLUDED.schedule_minute,
                            schedule_day_of_week = EXCLUDED.schedule_day_of_week,
                            schedule_day_of_month = EXCLUDED.schedule_day_of_month,
                            retention_days = EXCLUDED.retention_days, target_stores = EXCLUDED.target_stores,
                            updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""")
                .setParameter("enabled", s.enabled())
                .setParameter("interval", s.interval())
                .setParameter("hour", s.hour())
                .setParameter("minute", s.minute())
                .setParameter("dow", s.dayOfWeek())
                .setParameter("dom", s.dayOfMonth())
                .setParameter("retention", s.retentionDays())
                .setParameter("stores", json(s.targetStores()))
                .setParameter("created", s.createdAt())
                .setParameter("updated", s.updatedAt())
                .setParameter("createdBy", s.createdBy())
                .setParameter("updatedBy", s.updatedBy())
                .executeUpdate()
                .replaceWithVoid();
    }

    public Uni<Boolean> delete(Mutiny.Session session) {
        return session.createNativeQuery("DELETE FROM snapshot_schedule WHERE id = 1").executeUpdate()
                .map(rows -> rows > 0);
    }

    /** True for the one replica whose insert of the slot went in; every other one gets false. */
    public Uni<Boolean> claim(Mutiny.Session session, String slot, String instance, OffsetDateTime at) {
        return session.createNativeQuery("""
                        INSERT INTO snapshot_run (slot, claimed_by, claimed_at) VALUES (:slot, :instance, :at)
                        ON CONFLICT DO NOTHING""")
                .setParameter("slot", slot)
                .setParameter("instance", instance)
                .setParameter("at", at)
                .executeUpdate()
                .map(rows -> rows == 1);
    }

    public Uni<Void> finishRun(Mutiny.Session session, String slot, int snapshots, OffsetDateTime at,
                               OffsetDateTime forgetRunsBefore) {
        return session.createNativeQuery("UPDATE snapshot_run SET snapshots = :n WHERE slot = :slot")
                .setParameter("n", snapshots)
                .setParameter("slot", slot)
                .executeUpdate()
                .flatMap(ignored -> session.createNativeQuery(
                                "UPDATE snapshot_schedule SET last_executed_at = :at WHERE id = 1")
                        .setParameter("at", at)
                        .executeUpdate())
                .flatMap(ignored -> session.createNativeQuery("DELETE FROM snapshot_run WHERE claimed_at < :before")
                        .setParameter("before", forgetRunsBefore)
                        .executeUpdate())
                .replaceWithVoid();
    }

    private String json(List<String> stores) {
        try {
            return mapper.writeValueAsString(stores);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> stores(String json) {
        try {
            return json == null ? SnapshotSchedule.ALL_STORES : mapper.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            return SnapshotSchedule.ALL_STORES;
        }
    }
}
