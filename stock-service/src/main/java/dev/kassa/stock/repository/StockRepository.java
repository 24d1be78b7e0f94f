package dev.kassa.stock.repository;

import dev.kassa.stock.domain.StockChange;
import dev.kassa.stock.domain.StockLevel;
import dev.kassa.stock.domain.StockMovement;
import dev.kassa.stock.domain.UpdateType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Stock levels and their history in the tenant schema of the current transaction. Quantity
 * changes are one atomic upsert per item: concurrent changes queue on the row lock and each
 * sees the quantity the one before it left, so before and after are exact and no change is lost.
 */
@ApplicationScoped
public class StockRepository {

    static final String COLUMNS = "store_code, item_code, current_quantity, minimum_quantity, reorder_point, "
            + "reorder_quantity, updated_at, last_transaction_id";

    static StockLevel level(Object[] r) {
        return new StockLevel(Rows.text(r[0]), Rows.text(r[1]), Rows.decimal(r[2]), Rows.decimal(r[3]),
                Rows.decimal(r[4]), Rows.decimal(r[5]), Rows.time(r[6]), Rows.text(r[7]));
    }

    /** Adds {@code delta} (negative takes away; stock may go negative) and returns the level after it. */
    public Uni<StockLevel> add(Mutiny.Session session, String store, String item, BigDecimal delta,
                               String transactionId, OffsetDateTime now) {
        return session.createNativeQuery("""
                        INSERT INTO stock (store_code, item_code, current_quantity, last_transaction_id, created_at, updated_at)
                        VALUES (:store, :item, :delta, :tx, :now, :now)
                        ON CONFLICT (store_code, item_code) DO UPDATE
                           SET current_quantity = stock.current_quantity + EXCLUDED.current_quantity,
                               last_transaction_id = COALESCE(EXCLUDED.last_transaction_id, stock.last_transaction_id),
                               updated_at = EXCLUDED.updated_at
                        RETURNING """ + " " + COLUMNS, Object[].class)
                .setParameter("store", store)
                .setParameter("item", item)
                .setParameter("delta", delta)
                .setParameter("tx", transactionId)
                .setParameter("now", now)
                .getSingleResult()
                .map(StockRepository::level);
    }

    public Uni<Void> record(Mutiny.Session session, StockChange c, String eventId, Integer terminalNo,
                            Long transactionNo) {
        return session.createNativeQuery("""
                        INSERT INTO stock_update (store_code, item_code, update_type, quantity_change, before_quantity,
                            after_quantity, reference_id, event_id, terminal_no, transaction_no, operator_id, note, created_at)
                        VALUES (:store, :item, :type, :change, :before, :after, :ref, :event, :terminal, :tx, :operator,
                            :note, :at)""")
                .setParameter("store", c.storeCode())
                .setParameter("item", c.itemCode())
                .setParameter("type", c.updateType().wire())
                .setParameter("change", c.quantityChange())
                .setParameter("before", c.beforeQuantity())
                .setParameter("after", c.afterQuantity())
                .setParameter("ref", c.referenceId())
                .setParameter("event", eventId)
                .setParameter("terminal", terminalNo)
                .setParameter("tx", transactionNo)
                .setParameter("operator", c.operatorId())
                .setParameter("note", c.note())
                .setParameter("at", c.timestamp())
                .executeUpdate()
                .replaceWithVoid();
    }

    /**
     * Adds each item's summed change in one statement and returns the levels after it, by item. Rows
     * are locked in item order, the order every batch uses, so two batches cannot deadlock. Columns
     * travel as arrays, so the statement text never changes with the batch size.
     */
    public Uni<Map<StockMovement.Item, StockLevel>> addAll(Mutiny.Session session,
                                                           Collection<StockMovement> totals, OffsetDateTime now) {
        return session.createNativeQuery("""
                        INSERT INTO stock (store_code, item_code, current_quantity, last_transaction_id, created_at, updated_at)
                        SELECT u.store, u.item, u.delta, u.tx, :now, :now
                          FROM unnest(CAST(:stores AS text[]), CAST(:items AS text[]), CAST(:deltas AS numeric[]),
                                      CAST(:txs AS text[])) WITH ORDINALITY AS u(store, item, delta, tx, n)
                         ORDER BY u.n
                        ON CONFLICT (store_code, item_code) DO UPDATE
                           SET current_quantity = stock.current_quantity + EXCLUDED.current_quantity,
                               last_transaction_id = COALESCE(EXCLUDED.last_transaction_id, stock.last_transaction_id),
                               updated_at = EXCLUDED.updated_at
                        RETURNING""" + " " + COLUMNS, Object[].class)
                .setParameter("stores", texts(totals, StockMovement::storeCode))
                .setParameter("items", texts(totals, StockMovement::itemCode))
                .setParameter("deltas", column(totals, StockMovement::quantityChange, BigDecimal[]::new))
                .setParameter("txs", texts(totals, StockMovement::referenceId))
                .setParameter("now", now)
                .getResultList()
                .map(rows -> {
                    Map<StockMovement.Item, StockLevel> levels = new HashMap<>();
                    rows.stream().map(StockRepository::level)
                            .forEach(l -> levels.put(new StockMovement.Item(l.storeCode(), l.itemCode()), l));
                    return levels;
                });
    }

    /** The history rows of replayed movements in one statement, in their order (ids rise with it). */
    public Uni<Void> recordAll(Mutiny.Session session, List<StockMovement.Replayed> replayed, OffsetDateTime at) {
        return session.createNativeQuery("""
                        INSERT INTO stock_update (store_code, item_code, update_type, quantity_change, before_quantity,
                            after_quantity, reference_id, event_id, terminal_no, transaction_no, operator_id, created_at)
                        SELECT u.store, u.item, u.kind, u.delta, u.qty_before, u.qty_after, u.ref, u.event, u.terminal,
                               u.tx, u.operator, :at
                          FROM unnest(CAST(:stores AS text[]), CAST(:items AS text[]), CAST(:kinds AS text[]),
                                      CAST(:deltas AS numeric[]), CAST(:befores AS numeric[]), CAST(:afters AS numeric[]),
                                      CAST(:refs AS text[]), CAST(:events AS text[]), CAST(:terminals AS integer[]),
                                      CAST(:txs AS bigint[]), CAST(:operators AS text[]))
                               WITH ORDINALITY AS u(store, item, kind, delta, qty_before, qty_after, ref, event, terminal,
                                                    tx, operator, n)
                         ORDER BY u.n""")
                .setParameter("stores", texts(replayed, r -> r.movement().storeCode()))
                .setParameter("items", texts(replayed, r -> r.movement().itemCode()))
                .setParameter("kinds", texts(replayed, r -> r.movement().updateType().wire()))
                .setParameter("deltas", column(replayed, r -> r.movement().quantityChange(), BigDecimal[]::new))
                .setParameter("befores", column(replayed, StockMovement.Replayed::before, BigDecimal[]::new))
                .setParameter("afters", column(replayed, r -> r.after().currentQuantity(), BigDecimal[]::new))
                .setParameter("refs", texts(replayed, r -> r.movement().referenceId()))
                .setParameter("events", texts(replayed, r -> r.movement().eventId()))
                .setParameter("terminals", column(replayed, r -> r.movement().terminalNo(), Integer[]::new))
                .setParameter("txs", column(replayed, r -> r.movement().transactionNo(), Long[]::new))
                .setParameter("operators", texts(replayed, r -> r.movement().operatorId()))
                .setParameter("at", at)
                .executeUpdate()
                .replaceWithVoid();
    }

    private static <T> String[] texts(Collection<T> rows, Function<T, String> column) {
        return column(rows, column, String[]::new);
    }

    private static <T, V> V[] column(Collection<T> rows, Function<T, V> column, IntFunction<V[]> array) {
        return rows.stream().map(column).toArray(array);
    }

    public Uni<Optional<StockLevel>> find(Mutiny.Session session, String store, String item) {
        return session.createNativeQuery("SELECT " + COLUMNS + " FROM stock WHERE store_code = :store AND item_code = :item",
                        Object[].class)
                .setParameter("store", store)
                .setParameter("item", item)
                .getResultList()
                .map(rows -> rows.stream().findFirst().map(StockRepository::level));
    }

    public Uni<Long> count(Mutiny.Session session, String store) {
        return session.createNativeQuery("SELECT count(*) FROM stock WHERE store_code = :store", Long.class)
                .setParameter("store", store)
                .getSingleResult()
                .map(Number::longValue);
    }

    public Uni<List<StockLevel>> page(Mutiny.Session session, String store, int offset, int limit) {
        return session.createNativeQuery("SELECT " + COLUMNS + " FROM stock WHERE store_code = :store "
                        + "ORDER BY item_code LIMIT :limit OFFSET :offset", Object[].class)
                .setParameter("store", store)
                .setParameter("limit", limit)
                .setParameter("offset", offset)
                .getResultList()
                .map(rows -> rows.stream().map(StockRepository::level).toList());
    }

    /** Items whose current quantity is below their minimum. */
    public Uni<List<StockLevel>> low(Mutiny.Session session, String store) {
        return session.createNativeQuery("SELECT " + COLUMNS + " FROM stock WHERE store_code = :store "
                        + "AND current_quantity < minimum_quantity ORDER BY item_code", Object[].class)
                .setParameter("store", store)
                .getResultList()
                .map(rows -> rows.stream().map(StockRepository::level).toList());
    }

    /** Items at or below a reorder point that is set. */
    public Uni<List<StockLevel>> reorderAlerts(Mutiny.Session session, String store) {
        return session.createNativeQuery("SELECT " + COLUMNS + " FROM stock WHERE store_code = :store "
                        + "AND reorder_point > 0 AND current_quantity <= reorder_point ORDER BY item_code", Object[].class)
                .setParameter("store", store)
                .getResultList()
                .map(rows -> rows.stream().map(StockRepository::level).toList());
    }

    public Uni<StockLevel> setMinimum(Mutiny.Session session, String store, String item, BigDecimal minimum,
                                      OffsetDateTime now) {
        return session.createNativeQuery("""
                        INSERT INTO stock (store_code, item_code, minimum_quantity, created_at, updated_at)
                        VALUES (:store, :item, :minimum, :now, :now)
                        ON CONFLICT (store_code, item_code) DO UPDATE
                           SET minimum_quantity = EXCLUDED.minimum_quantity, updated_at = EXCLUDED.updated_at
                        RETURNING """ + " " + COLUMNS, Object[].class)
                .setParameter("store", store)
                .setParameter("item", item)
                .setParameter("minimum", minimum)
                .setParameter("now", now)
                .getSingleResult()
                .map(StockRepository::level);
    }

    public Uni<StockLevel> setReorder(Mutiny.Session session, String store, String item, BigDecimal point,
                                      BigDecimal quantity, OffsetDateTime now) {
        return session.createNativeQuery("""
                        INSERT INTO stock (store_code, item_code, reorder_point, reorder_quantity, created_at, updated_at)
                        VALUES (:store, :item, :point, :quantity, :now, :now)
                        ON CONFLICT (store_code, item_code) DO UPDATE
                           SET reorder_point = EXCLUDED.reorder_point, reorder_quantity = EXCLUDED.reorder_quantity,
                               updated_at = EXCLUDED.updated_at
                        RETURNING """ + " " + COLUMNS, Object[].class)
                .setParameter("store", store)
                .setParameter("item", item)
                .setParameter("point", point)
                .setParameter("quantity", quantity)
                .setParameter("now", now)
                .getSingleResult()
                .map(StockRepository::level);
    }

    public Uni<Long> historyCount(Mutiny.Session session, String store, String item) {
        return session.createNativeQuery(
                        "SELECT count(*) FROM stock_update WHERE store_code = :store AND item_code = :item", Long.class)
                .setParameter("store", store)
                .setParameter("item", item)
                .getSingleResult()
                .map(Number::longValue);
    }

    /** The newest change first. */
    public Uni<List<StockChange>> history(Mutiny.Session session, String store, String item, int offset, int limit) {
        return session.createNativeQuery("""
                        SELECT store_code, item_code, update_type, quantity_change, before_quantity, after_quantity,
                               reference_id, created_at, operator_id, note
                          FROM stock_update WHERE store_code = :store AND item_code = :item
                         ORDER BY id DESC LIMIT :limit OFFSET :offset""", Object[].class)
                .setParameter("store", store)
                .setParameter("item", item)
                .setParameter("limit", limit)
                .setParameter("offset", offset)
                .getResultList()
                .map(rows -> rows.stream().map(r -> new StockChange(Rows.text(r[0]), Rows.text(r[1]),
                        UpdateType.of(Rows.text(r[2])), Rows.decimal(r[3]), Rows.decimal(r[4]), Rows.decimal(r[5]),
                        Rows.text(r[6]), Rows.time(r[7]), Rows.text(r[8]), Rows.text(r[9]))).toList());
    }

    /** Every store that has stock rows. */
    public Uni<List<String>> stores(Mutiny.Session session) {
        return session.createNativeQuery("SELECT DISTINCT store_code FROM stock ORDER BY store_code", String.class)
                .getResultList();
    }
}
