package dev.kassa.stock.service;

import dev.kassa.common.pg.TenantTx;
import dev.kassa.common.event.TranLog;
import dev.kassa.common.pg.ProcessedEvents;
import dev.kassa.stock.alert.StockAlerts;
import dev.kassa.stock.domain.StockChange;
import dev.kassa.stock.domain.StockLevel;
import dev.kassa.stock.domain.UpdateType;
import dev.kassa.stock.repository.StockRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    Clock clock;

    public record Page<T>(List<T> items, long total) {
    }

    /** A change made through the API. */
    public record Update(BigDecimal quantityChange, UpdateType updateType, String referenceId, String operatorId,
                         String note) {
    }

    private record Applied(StockChange change, StockLevel after) {
    }

    /** What a tranlog did: nothing when it was seen before or changes no stock. */
    public record TranLogOutcome(boolean firstTime, List<StockLevel> levels) {
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
     * Applies a tranlog once: the processed-event row and every line's change commit together,
     * so a redelivery finds the row and changes nothing. Lines are applied in item order, so two
     * tranlogs touching the same items lock them in the same order and cannot deadlock.
     */
    public Uni<TranLogOutcome> apply(TranLog t) {
        UpdateType type = UpdateType.ofTransactionType(t.transactionType());
        boolean cancelled = t.sales() != null && t.sales().isCancelled();
        List<TranLog.LineItem> lines = type == null || cancelled || t.lineItems() == null ? List.of()
                : t.lineItems().stream()
                .filter(l -> !l.isCancelled() && l.quantity() > 0 && l.itemCode() != null)
                .sorted(Comparator.comparing(TranLog.LineItem::itemCode).thenComparing(TranLog.LineItem::lineNo))
                .toList();
        OffsetDateTime now = now();
        String reference = String.valueOf(t.transactionNo());
        String operator = t.staff() == null ? null : t.staff().id();
        return tx.run(t.tenantId(), s -> processed.firstTime(s, CONSUMER, t.eventId())
                        .flatMap(first -> {
                            if (!first) {
                                return Uni.createFrom().item(new TranLogOutcome(false, List.of()));
                            }
                            return Multi.createFrom().iterable(lines)
                                    .onItem().transformToUniAndConcatenate(line -> applyLine(s, t, type, line, reference,
                                            operator, now))
                                    .collect().asList()
                                    .map(levels -> new TranLogOutcome(true, levels));
                        }))
                .call(outcome -> alerts.check(t.tenantId(), outcome.levels()));
    }

    private Uni<StockLevel> applyLine(Mutiny.Session s, TranLog t, UpdateType type, TranLog.LineItem line,
                                      String reference, String operator, OffsetDateTime now) {
        BigDecimal delta = BigDecimal.valueOf((long) line.quantity() * type.tranlogSign());
        return stock.add(s, t.storeCode(), line.itemCode(), delta, reference, now)
                .call(after -> stock.record(s, new StockChange(t.storeCode(), line.itemCode(), type, delta,
                                after.currentQuantity().subtract(delta), after.currentQuantity(), reference, now, operator,
                                null),
                        t.eventId(), t.terminalNo(), t.transactionNo()));
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
