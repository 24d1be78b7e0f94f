package dev.kassa.terminal.repository;

import dev.kassa.terminal.domain.CashInOutLogEntry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
import java.util.Optional;

/** Counts of a terminal session's cash movements, for the close; a repayment by its id. */
@ApplicationScoped
public class CashLogRepository {

    /** How many cash movements a session had (the opening float included) and when the last one was. */
    public record SessionCash(int count, String lastDatetime) {
    }

    public Uni<SessionCash> session(Mutiny.Session session, String storeCode, int terminalNo, String businessDate,
                                    int openCounter) {
        return session.createNativeQuery("""
                        SELECT count(*) OVER () AS total, generate_date_time FROM cash_in_out_log
                        WHERE store_code = :store AND terminal_no = :no AND business_date = :date
                          AND open_counter = :counter
                        ORDER BY id DESC LIMIT 1""", Object[].class)
                .setParameter("store", storeCode)
                .setParameter("no", terminalNo)
                .setParameter("date", businessDate)
                .setParameter("counter", openCounter)
                .getResultList()
                .map(CashLogRepository::first);
    }

    /** The cash in that took the repayment {@code repaymentId} (unique in the tenant), if any. */
    public Uni<Optional<CashInOutLogEntry>> repayment(Mutiny.Session session, String repaymentId) {
        return session.createSelectionQuery("from CashInOutLogEntry where repaymentId = :id", CashInOutLogEntry.class)
                .setParameter("id", repaymentId)
                .getResultList()
                .map(rows -> rows.stream().findFirst());
    }

    private static SessionCash first(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return new SessionCash(0, null);
        }
        Object[] row = rows.get(0);
        return new SessionCash(((Number) row[0]).intValue(), (String) row[1]);
    }
}
