package dev.kassa.stock.service;

import dev.kassa.common.api.ApiException;
import dev.kassa.common.pg.TenantTx;
import dev.kassa.common.event.TranLog;
import dev.kassa.common.pg.ProcessedEvents;
import dev.kassa.common.pg.TenantSchemas;
import dev.kassa.stock.alert.StockAlerts;
import dev.kassa.stock.domain.StockChange;
import dev.kassa.stock.domain.StockLevel;
import dev.kassa.stock.domain.StockMovement;
import dev.kassa.stock.domain.UpdateType;
import dev.kassa.stock.repository.StockRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stock changes and reads. A change commits the new level and its history row together; the
 * alerts it raises go out after the commit, so nobody is told about a change that rolled back.
 */
@ApplicationScoped
public class StockService {
    public static final String CONSUMER = "stock";

    @Inject
    TenantTx tx;
    @Inject
    StockRepository stock;
    @Inject
    ProcessedEvents processed;
    @Inject
    StockAlerts alerts;
    @Inject
    TenantSchemas schemas;
    @Inject
    Clock clock;

    public record Page<T>(List<T> items, long total) {
    }

    /** A change made through the API. */
    public record Update(BigDecimal quantityChange, UpdateType updateType, String referenceId, String operatorId,
                         String note) {
    }

    private record Applied(StockChange change, StockLevel after) {
    }

    /** Per tranlog whether it applied now, and the level each applied line left, in order. */
    private record TranLogsApplied(List<Boolean> firstTimes, List<StockLevel> levels) {
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    public Uni<StockChange> update(String tenant, String store, String item, Update u) {
        OffsetDateTime now = now();
        BigDecimal delta = u.quantityChange();
        return tx.run(tenant, s -> stock.add(s, store, item, delta, u.referenceId(), now)
                        .flatMap(after -> {
                            StockChange change = new StockChange(store, item, u.updateType(), delta,
                                    after.currentQuantity().subtract(delta), after.currentQuantity(), u.referenceId(), now,
                                    u.operatorId(), u.note());
                            return stock.record(s, change, null, null, null).replaceWith(new Applied(change, after));
                        }))
                .call(applied -> alerts.check(tenant, List.of(applied.after())))
                .map(Applied::change);
    }

    /**
     * Applies a tenant's tranlogs once each, in their order, in one transaction: the processed-event
     * rows and every line's change commit together, so a redelivery finds its row and changes nothing.
     * Each item's lines are summed into one upsert, and the history rows get the before and after that
     * applying the lines one by one gives. Answers, per tranlog, whether this was its first time (an
     * event repeated in the list counts the first time only).
     */
    public Uni<List<Boolean>> apply(String tenant, List<TranLog> tranlogs) {
        OffsetDateTime now = now();
        List<String> eventIds = tranlogs.stream().map(TranLog::eventId).toList();
        return tx.run(tenant, s -> processed.firstTimes(s, CONSUMER, eventIds).flatMap(fresh -> {
                    List<Boolean> firstTimes = new ArrayList<>(tranlogs.size());
                    List<StockMovement> movements = new ArrayList<>();
                    Set<String> applying = new HashSet<>();
                    for (TranLog t : tranlogs) {
                        boolean first = fresh.contains(t.eventId()) && applying.add(t.eventId());
                        firstTimes.add(first);
                        if (first) {
                            movements.addAll(StockMovement.of(t));
                        }
                    }
                    if (movements.isEmpty()) {
                        return Uni.createFrom().item(new TranLogsApplied(firstTimes, List.of()));
                    }
                    return stock.addAll(s, StockMovement.totals(movements).values(), now)
                            .map(levels -> StockMovement.replay(movements, levels))
                            .call(replayed -> stock.recordAll(s, replayed, now))
                            .map(replayed -> new TranLogsApplied(firstTimes,
                                    replayed.stream().map(StockMovement.Replayed::after).toList()));
                }))
                .call(applied -> alerts.check(tenant, applied.levels()))
                .map(TranLogsApplied::firstTimes);
    }

    /**
     * Fails as {@link TenantTx} would, with the first tenant this service does not hold (each is
     * checked once, then remembered), so a batch can be refused before any of it is written.
     */
    public Uni<Void> requireTenants(Collection<String> tenants) {
        return Multi.createFrom().iterable(tenants)
                .onItem().transformToUniAndConcatenate(tenant -> schemas.exists(tenant).invoke(held -> {
                    if (!held) {
                        throw ApiException.notFound("Tenant " + tenant + " not found");
                    }
                }))
                .collect().last()
                .replaceWithVoid();
    }

    public Uni<StockLevel> setMinimum(String tenant, String store, String item, BigDecimal minimum) {
        OffsetDateTime now = now();
        return tx.run(tenant, s -> stock.setMinimum(s, store, item, minimum, now))
                .call(level -> alerts.check(tenant, List.of(level)));
    }

    public Uni<StockLevel> setReorder(String tenant, String store, String item, BigDecimal point, BigDecimal quantity) {
        OffsetDateTime now = now();
        return tx.run(tenant, s -> stock.setReorder(s, store, item, point, quantity, now))
                .call(level -> alerts.check(tenant, List.of(level)));
    }

    public Uni<StockLevel> get(String tenant, String store, String item) {
        return tx.run(tenant, s -> stock.find(s, store, item))
                .map(found -> found.orElseThrow(() -> StockErrors.stockNotFound(store, item)));
    }

    public Uni<Page<StockLevel>> list(String tenant, String store, int offset, int limit) {
        return tx.run(tenant, s -> stock.count(s, store)
                .flatMap(total -> stock.page(s, store, offset, limit).map(items -> new Page<>(items, total))));
    }

    public Uni<List<StockLevel>> low(String tenant, String store) {
        return tx.run(tenant, s -> stock.low(s, store));
    }

    public Uni<List<StockLevel>> reorderAlerts(String tenant, String store) {
        return tx.run(tenant, s -> stock.reorderAlerts(s, store));
    }

    /** The levels that are in an alert state right now (what a new WebSocket client is told first). */
    public Uni<List<StockLevel>> alerting(String tenant, String store) {
        return tx.run(tenant, s -> stock.reorderAlerts(s, store)
                .flatMap(reorder -> stock.low(s, store).map(low -> {
                    Map<String, StockLevel> all = new LinkedHashMap<>();
                    reorder.forEach(l -> all.put(l.itemCode(), l));
                    low.stream().filter(StockLevel::belowMinimum).forEach(l -> all.putIfAbsent(l.itemCode(), l));
                    return List.copyOf(all.values());
                })));
    }

    public Uni<Page<StockChange>> history(String tenant, String store, String item, int offset, int limit) {
        return tx.run(tenant, s -> stock.historyCount(s, store, item)
                .flatMap(total -> stock.history(s, store, item, offset, limit).map(items -> new Page<>(items, total))));
    }
}
