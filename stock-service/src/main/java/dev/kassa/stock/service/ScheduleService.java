package dev.kassa.stock.service;

import dev.kassa.common.pg.TenantTx;
import dev.kassa.stock.config.StockConfig;
import dev.kassa.stock.domain.ScheduleSlots;
import dev.kassa.stock.domain.SnapshotSchedule;
import dev.kassa.stock.repository.ScheduleRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** A tenant's snapshot schedule: read (the defaults when none is set), set and removed. */
@ApplicationScoped
public class ScheduleService {

    @Inject
    TenantTx tx;
    @Inject
    ScheduleRepository schedules;
    @Inject
    StockConfig config;
    @Inject
    Clock clock;

    /** The schedule, and when it fires next (null when disabled). */
    public record Current(SnapshotSchedule schedule, ZonedDateTime nextExecution) {
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private Current current(SnapshotSchedule s) {
        return new Current(s, s.enabled() ? ScheduleSlots.nextAfter(s, clock.instant(), config.timeZone()) : null);
    }

    public Uni<Current> get(String tenant) {
        return tx.run(tenant, s -> schedules.find(s))
                .map(found -> current(found.orElseGet(() -> SnapshotSchedule.defaults(now()))));
    }

    public Uni<Current> put(String tenant, SnapshotSchedule wanted, String by) {
        OffsetDateTime now = now();
        return tx.run(tenant, s -> schedules.find(s).flatMap(existing -> {
            SnapshotSchedule saved = new SnapshotSchedule(wanted.enabled(), wanted.interval(), wanted.hour(),
                    wanted.minute(), wanted.dayOfWeek(), wanted.dayOfMonth(), wanted.retentionDays(),
                    wanted.targetStores(), existing.map(SnapshotSchedule::lastExecutedAt).orElse(null),
                    existing.map(SnapshotSchedule::createdAt).orElse(now), now,
                    existing.map(SnapshotSchedule::createdBy).orElse(by), by);
            return schedules.save(s, saved).replaceWith(saved);
        })).map(this::current);
    }

    public Uni<Boolean> delete(String tenant) {
        return tx.run(tenant, s -> schedules.delete(s));
    }
}
