package dev.kassa.stock.repository;

import dev.kassa.stock.domain.StockSnapshot;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Snapshots in the tenant schema of the current transaction. */
@ApplicationScoped
public class SnapshotRepository {

    /** Both bounds are always bound (open ends as far-away dates), so there is one statement. */
    private static final String RANGE = " AND created_at >= :from AND created_at <= :to";
    private static final OffsetDateTime EARLIEST = OffsetDateTime.parse("0001-01-01T00:00Z");
    private static final OffsetDateTime LATEST = OffsetDateTime.parse("9999-12-31T00:00Z");

    private static final String HEAD = "snapshot_id, store_code, total_items, total_quantity, created_by, created_at, "
            + "generate_date_time";

    /** Copies the store's stock into a new snapshot in one statement, so items and totals agree. */
    public Uni<Void> create(Mutiny.Session session, String id, String store, String createdBy, OffsetDateTime at,
                            String generateDateTime, String slot) {
        return session.createNativeQuery("""
                        WITH items AS (
                            INSERT INTO stock_snapshot_item (snapshot_id, item_code, quantity, minimum_quantity,
                                reorder_point, reorder_quantity)
                            SELECT :id, item_code, current_quantity, minimum_quantity, reorder_point, reorder_quantity
                              FROM stock WHERE store_code = :store
                            RETURNING quantity)
                        INSERT INTO stock_snapshot (snapshot_id, store_code, total_items, total_quantity, created_by,
                            created_at, generate_date_time, slot)
                        SELECT :id, :store, count(*), COALESCE(sum(quantity), 0), :createdBy, :at, :generated, :slot
                          FROM items""")
                .setParameter("id", id)
                .setParameter("store", store)
                .setParameter("createdBy", createdBy)
                .setParameter("at", at)
                .setParameter("generated", generateDateTime)
                .setParameter("slot", slot)
                .executeUpdate()
                .replaceWithVoid();
    }

    public Uni<Optional<StockSnapshot>> find(Mutiny.Session session, String store, String id) {
        return session.createNativeQuery("SELECT " + HEAD + " FROM stock_snapshot WHERE store_code = :store "
                        + "AND snapshot_id = :id", Object[].class)
                .setParameter("store", store)
                .setParameter("id", id)
                .getResultList()
                .flatMap(rows -> withItems(session, rows))
                .map(list -> list.stream().findFirst());
    }

    public Uni<Long> count(Mutiny.Session session, String store, OffsetDateTime from, OffsetDateTime to) {
        return session.createNativeQuery("SELECT count(*) FROM stock_snapshot WHERE store_code = :store"
                        + RANGE, Long.class)
                .setParameter("store", store)
                .setParameter("from", from == null ? EARLIEST : from)
                .setParameter("to", to == null ? LATEST : to)
                .getSingleResult()
                .map(Number::longValue);
    }

    /** The newest first. */
    public Uni<List<StockSnapshot>> page(Mutiny.Session session, String store, OffsetDateTime from, OffsetDateTime to,
                                         int offset, int limit) {
        return session.createNativeQuery("SELECT " + HEAD + " FROM stock_snapshot WHERE store_code = :store"
                        + RANGE + " ORDER BY created_at DESC, snapshot_id LIMIT :limit OFFSET :offset",
                        Object[].class)
                .setParameter("store", store)
                .setParameter("from", from == null ? EARLIEST : from)
                .setParameter("to", to == null ? LATEST : to)
                .setParameter("limit", limit)
                .setParameter("offset", offset)
                .getResultList()
                .flatMap(rows -> withItems(session, rows));
    }


    /** Deletes the tenant's snapshots (every store) made before {@code cutoff}; their items go with them. */
    public Uni<Integer> deleteOlderThan(Mutiny.Session session, OffsetDateTime cutoff) {
        return session.createNativeQuery("DELETE FROM stock_snapshot WHERE created_at < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }

    private Uni<List<StockSnapshot>> withItems(Mutiny.Session session, List<Object[]> heads) {
        if (heads.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Map<String, List<StockSnapshot.Item>> items = new LinkedHashMap<>();
        List<String> ids = heads.stream().map(r -> Rows.text(r[0])).toList();
        ids.forEach(id -> items.put(id, new ArrayList<>()));
        return session.createNativeQuery("""
                        SELECT snapshot_id, item_code, quantity, minimum_quantity, reorder_point, reorder_quantity
                          FROM stock_snapshot_item WHERE snapshot_id IN (:ids) ORDER BY snapshot_id, item_code""",
                        Object[].class)
                .setParameter("ids", ids)
                .getResultList()
                .map(rows -> {
                    for (Object[] r : rows) {
                        items.get(Rows.text(r[0])).add(new StockSnapshot.Item(Rows.text(r[1]), Rows.decimal(r[2]),
                                Rows.decimal(r[3]), Rows.decimal(r[4]), Rows.decimal(r[5])));
                    }
                    return heads.stream().map(r -> new StockSnapshot(Rows.text(r[0]), Rows.text(r[1]),
                            Rows.integer(r[2]), Rows.decimal(r[3]), List.copyOf(items.get(Rows.text(r[0]))),
                            Rows.text(r[4]), Rows.time(r[5]), Rows.text(r[6]))).toList();
                });
    }
}
