package dev.kassa.terminal.repository;

import dev.kassa.common.api.PageRequest;
import dev.kassa.terminal.domain.Terminal;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.LockMode;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
import java.util.Set;

/** Terminals of the tenant whose schema the session's transaction is in (see TenantTx). */
@ApplicationScoped
public class TerminalRepository {
    public static final Set<String> SORTABLE = Set.of("terminal_id", "store_code", "terminal_no", "description",
            "function_mode", "status", "business_date", "open_counter", "business_counter", "entry_datetime");

    public Uni<Terminal> find(Mutiny.Session session, String terminalId) {
        return session.find(Terminal.class, terminalId);
    }

    /** The terminal, locked until the transaction ends, so that state changes of one terminal queue up. */
    public Uni<Terminal> lock(Mutiny.Session session, String terminalId) {
        return session.find(Terminal.class, terminalId, LockMode.PESSIMISTIC_WRITE);
    }

    public Uni<List<Terminal>> page(Mutiny.Session session, String storeCode, PageRequest page) {
        String where = storeCode == null ? "" : " WHERE store_code = :store";
        Mutiny.SelectionQuery<Terminal> query = session.createNativeQuery("SELECT * FROM terminal" + where
                        + page.orderBy("terminal_id", "terminal_id") + " LIMIT :limit OFFSET :offset", Terminal.class)
                .setParameter("limit", page.limit())
                .setParameter("offset", page.offset());
        if (storeCode != null) {
            query.setParameter("store", storeCode);
        }
        return query.getResultList();
    }

    public Uni<Long> count(Mutiny.Session session, String storeCode) {
        String where = storeCode == null ? "" : " WHERE store_code = :store";
        Mutiny.SelectionQuery<Long> query = session.createNativeQuery("SELECT count(*) FROM terminal" + where,
                Long.class);
        if (storeCode != null) {
            query.setParameter("store", storeCode);
        }
        return query.getSingleResult();
    }

    public Uni<List<Terminal>> all(Mutiny.Session session) {
        return session.createSelectionQuery("from Terminal", Terminal.class).getResultList();
    }
}
