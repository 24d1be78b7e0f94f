package dev.kassa.terminal.repository;

import dev.kassa.common.api.PageRequest;
import dev.kassa.terminal.domain.Store;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
import java.util.Set;

/** Stores of the tenant whose schema the session's transaction is in. */
@ApplicationScoped
public class StoreRepository {
    public static final Set<String> SORTABLE = Set.of("store_code", "store_name", "status", "business_date",
            "entry_datetime");

    public Uni<Store> find(Mutiny.Session session, String storeCode) {
        return session.find(Store.class, storeCode);
    }

    public Uni<List<Store>> all(Mutiny.Session session) {
        return session.createSelectionQuery("from Store order by storeCode", Store.class).getResultList();
    }

    public Uni<List<Store>> page(Mutiny.Session session, PageRequest page) {
        return session.createNativeQuery("SELECT * FROM store" + page.orderBy("store_code", "store_code")
                        + " LIMIT :limit OFFSET :offset", Store.class)
                .setParameter("limit", page.limit())
                .setParameter("offset", page.offset())
                .getResultList();
    }

    public Uni<Long> count(Mutiny.Session session) {
        return session.createNativeQuery("SELECT count(*) FROM store", Long.class).getSingleResult();
    }
}
