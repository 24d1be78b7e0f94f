package dev.kassa.stock.service;

import dev.kassa.common.pg.TenantTx;
import dev.kassa.stock.config.StockConfig;
import dev.kassa.stock.domain.StockSnapshot;
import dev.kassa.stock.repository.SnapshotRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Snapshots of a store's stock, taken on request or by the schedule. */
@ApplicationScoped
public class SnapshotService {

    @Inject
    TenantTx tx;
    @Inject
    SnapshotRepository snapshots;
    @Inject
    StockConfig config;
    @Inject
    Clock clock;

    public Uni<StockSnapshot> create(String tenant, String store, String createdBy) {
        Instant now = clock.instant();
        return tx.run(tenant, s -> take(s, store, createdBy, now, null)
                .flatMap(id -> snapshots.find(s, store, id))
                .map(found -> found.orElseThrow(() -> new IllegalStateException("Snapshot vanished"))));
    }

    /** Takes a snapshot inside the caller's transaction; returns its id. */
    Uni<String> take(Mutiny.Session s, String store, String createdBy, Instant at, String slot) {
        String id = UUID.randomUUID().toString();
        OffsetDateTime utc = at.atOffset(ZoneOffset.UTC);
        String generated = at.atZone(config.timeZone()).toOffsetDateTime().toString();
        return snapshots.create(s, id, store, createdBy, utc, generated, slot).replaceWith(id);
    }

    public Uni<StockSnapshot> get(String tenant, String store, String id) {
        return tx.run(tenant, s -> snapshots.find(s, store, id))
                .map(found -> found.orElseThrow(() -> StockErrors.snapshotNotFound(id)));
    }

    public Uni<StockService.Page<StockSnapshot>> list(String tenant, String store, OffsetDateTime from,
                                                      OffsetDateTime to, int offset, int limit) {
        return tx.run(tenant, s -> snapshots.count(s, store, from, to)
                .flatMap(total -> snapshots.page(s, store, from, to, offset, limit)
                        .map(items -> new StockService.Page<>(items, total))));
    }

}
