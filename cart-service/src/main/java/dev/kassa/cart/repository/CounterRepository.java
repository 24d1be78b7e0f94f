package dev.kassa.cart.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Per-terminal transaction and receipt numbers, allocated by one upsert inside the transaction
 * that writes the transaction: the row lock orders concurrent bills of a terminal, and a bill
 * that rolls back takes its number back with it, so numbers never repeat and never skip.
 * The receipt number wraps from the end of its range back to the start.
 */
@ApplicationScoped
public class CounterRepository {

    public record Numbers(long transactionNo, long receiptNo) {
    }

    static final String NEXT = """
            INSERT INTO terminal_counter AS c (store_code, terminal_no, transaction_no, receipt_no)
            VALUES ($1, $2, 1, $3)
            ON CONFLICT (store_code, terminal_no) DO UPDATE SET
                transaction_no = c.transaction_no + 1,
                receipt_no = CASE WHEN c.receipt_no >= $4 OR c.receipt_no < $3 THEN $3
                                  ELSE c.receipt_no + 1 END
            RETURNING transaction_no, receipt_no""";

    /** The same on the plain reactive client (the bill's path). */
    public Uni<Numbers> next(SqlConnection conn, String storeCode, int terminalNo, long receiptStart,
                             long receiptEnd) {
        return conn.preparedQuery(NEXT).execute(Tuple.of(storeCode, terminalNo, receiptStart, receiptEnd))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return new Numbers(r.getLong(0), r.getLong(1));
                });
    }

    public Uni<Numbers> next(Mutiny.Session session, String storeCode, int terminalNo, long receiptStart,
                             long receiptEnd) {
        return session.createNativeQuery("""
                        INSERT INTO terminal_counter AS c (store_code, terminal_no, transaction_no, receipt_no)
                        VALUES (:store, :terminal, 1, :start)
                        ON CONFLICT (store_code, terminal_no) DO UPDATE SET
                            transaction_no = c.transaction_no + 1,
                            receipt_no = CASE WHEN c.receipt_no >= :end OR c.receipt_no < :start THEN :start
                                              ELSE c.receipt_no + 1 END
                        RETURNING transaction_no, receipt_no""", Object[].class)
                .setParameter("store", storeCode)
                .setParameter("terminal", terminalNo)
                .setParameter("start", receiptStart)
                .setParameter("end", receiptEnd)
                .getSingleResult()
                .map(r -> new Numbers(((Number) r[0]).longValue(), ((Number) r[1]).longValue()));
    }
}
