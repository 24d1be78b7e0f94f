package dev.kassa.stock.service;

import dev.kassa.common.health.BackgroundJob;
import dev.kassa.common.pg.TenantTx;
import dev.kassa.common.pg.TenantSchemas;
import dev.kassa.stock.config.StockConfig;
import dev.kassa.stock.config.VertxContexts;
import dev.kassa.stock.domain.ScheduleSlots;
import dev.kassa.stock.domain.SnapshotSchedule;
import dev.kassa.stock.repository.ScheduleRepository;
import dev.kassa.stock.repository.SnapshotRepository;
import dev.kassa.stock.repository.StockRepository;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the tenants' snapshot schedules. Every replica checks the schedules on each tick; the
 * replica that first inserts the due slot into {@code snapshot_run} takes the snapshots, in the
 * same transaction, and prunes those past the retention. The others find the slot taken and do
 * nothing, so a slot yields its snapshots exactly once however many replicas run. If the winner
 * fails before commit its claim rolls back and the next tick (here or elsewhere) takes the slot.
 */
@ApplicationScoped
public class SnapshotScheduler implements BackgroundJob {
    static final String JOB = "stock-snapshots";
    private static final Logger LOG = Logger.getLogger(SnapshotScheduler.class);
    public static final String CREATED_BY = "scheduled_system";
    private static final Duration KEEP_RUNS = Duration.ofDays(30);

    @Inject
    Scheduler scheduler;
    @Inject
    TenantSchemas schemas;
    @Inject
    TenantTx tx;
    @Inject
    ScheduleRepository schedules;
    @Inject
    SnapshotRepository snapshotRows;
    @Inject
    StockRepository stock;
    @Inject
    SnapshotService snapshots;
    @Inject
    StockConfig config;
    @Inject
    Clock clock;
    @Inject
    Vertx vertx;

    private String instance;
    private volatile boolean ready;
    /** The last slot of each tenant this replica saw settled (taken here or elsewhere): not claimed again. */
    private final Map<String, String> settled = new ConcurrentHashMap<>();

    public enum Result { NOT_DUE, TAKEN, ALREADY_TAKEN }

    /** What one replica's check of one tenant came to. */
    public record Outcome(Result result, String slot, int snapshots, int pruned) {
    }

    @PostConstruct
    void init() {
        instance = config.snapshot().instanceId().orElseGet(() -> {
            String host = System.getenv().getOrDefault("HOSTNAME", "stock");
            return host + "-" + ProcessHandle.current().pid();
        });
    }

    /** After the shared and tenant schemas are migrated (their observer runs earlier). */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent event) {
        ready = true;
    }

    void onStop(@Observes ShutdownEvent event) {
        ready = false;
    }

    @Override
    public String jobName() {
        return JOB;
    }

    /** Quarkus' scheduler runs and has this job (it is not paused or unscheduled). */
    @Override
    public boolean running() {
        return ready && scheduler.isRunning() && scheduler.getScheduledJob(JOB) != null
                && !scheduler.isPaused(JOB);
    }

    @Scheduled(identity = JOB, every = "${kassa.stock.snapshot.check-every:PT60S}",
            delayed = "${kassa.stock.snapshot.check-delay:PT5S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (!ready) {
            return;
        }
        Instant now = clock.instant();
        List<String> tenants;
        try {
            tenants = schemas.tenants();
        } catch (RuntimeException e) {
            LOG.warnf("Cannot list the tenants for scheduled snapshots: %s", e.toString());
            return;
        }
        for (String tenant : tenants) {
            try {
                Outcome o = runDue(tenant, now, settled.get(tenant)).await().atMost(Duration.ofMinutes(5));
                switch (o.result()) {
                    case TAKEN -> LOG.infof("Snapshot slot %s of tenant %s taken by %s: %d snapshot(s), %d pruned",
                            o.slot(), tenant, instance, o.snapshots(), o.pruned());
                    case ALREADY_TAKEN -> LOG.infof("Snapshot slot %s of tenant %s already taken by another replica",
                            o.slot(), tenant);
                    default -> {
                    }
                }
                if (o.slot() != null) {
                    settled.put(tenant, o.slot());
                }
            } catch (RuntimeException e) {
                LOG.warnf("Scheduled snapshots of tenant %s failed (the slot stays open): %s", tenant, e.toString());
            }
        }
    }

    /** Checks one tenant's schedule at {@code now} and takes the due slot if no replica has. */
    public Uni<Outcome> runDue(String tenant, Instant now) {
        return runDue(tenant, now, null);
    }

    private Uni<Outcome> runDue(String tenant, Instant now, String settledSlot) {
        return VertxContexts.onNewContext(vertx, () -> tx.run(tenant, s -> schedules.find(s).flatMap(found -> {
            Optional<ZonedDateTime> slot = found.flatMap(schedule -> ScheduleSlots.due(schedule, now,
                    config.timeZone(), config.snapshot().misfireGrace()));
            if (slot.isEmpty() || ScheduleSlots.key(slot.get()).equals(settledSlot)) {
                return Uni.createFrom().item(new Outcome(Result.NOT_DUE, null, 0, 0));
            }
            String key = ScheduleSlots.key(slot.get());
            return schedules.claim(s, key, instance, now.atOffset(ZoneOffset.UTC)).flatMap(won -> won
                    ? take(s, found.get(), key, now)
                    : Uni.createFrom().item(new Outcome(Result.ALREADY_TAKEN, key, 0, 0)));
        })));
    }

    private Uni<Outcome> take(Mutiny.Session s, SnapshotSchedule schedule, String slot, Instant now) {
        Uni<List<String>> stores = schedule.allStores() ? stock.stores(s) : Uni.createFrom().item(schedule.targetStores());
        return stores.flatMap(list -> Multi.createFrom().iterable(list)
                        .onItem().transformToUniAndConcatenate(store -> snapshots.take(s, store, CREATED_BY, now, slot))
                        .collect().asList())
                .flatMap(ids -> snapshotRows.deleteOlderThan(s,
                                now.minus(Duration.ofDays(schedule.retentionDays())).atOffset(ZoneOffset.UTC))
                        .flatMap(pruned -> schedules.finishRun(s, slot, ids.size(), now.atOffset(ZoneOffset.UTC),
                                        now.minus(KEEP_RUNS).atOffset(ZoneOffset.UTC))
                                .replaceWith(new Outcome(Result.TAKEN, slot, ids.size(), pruned))));
    }
}
