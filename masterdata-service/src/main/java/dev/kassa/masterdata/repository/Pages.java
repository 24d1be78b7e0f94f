package dev.kassa.masterdata.repository;

import dev.kassa.common.api.PageRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
import java.util.Map;

/**
 * One page of a table of the tenant's schema, with its total. The ORDER BY comes from a
 * {@link PageRequest} checked against the table's sortable columns, so no client text reaches
 * the SQL; filter values are bound parameters.
 */
@ApplicationScoped
public class Pages {

    public record Page<E>(List<E> items, long total) {
    }

    /**
     * @param where       "" or " WHERE ..." with named parameters
     * @param defaultSort ORDER BY when the client gives none, e.g. {@code item_code}
     * @param tieBreaker  appended to a client's sort for stable pages, e.g. {@code item_code}
     */
    public <E> Uni<Page<E>> page(Mutiny.Session session, Class<E> type, String table, String where,
                                 Map<String, Object> params, PageRequest request, String defaultSort,
                                 String tieBreaker) {
        String select = "SELECT * FROM " + table + where + request.orderBy(defaultSort, tieBreaker)
                + " LIMIT :pageLimit OFFSET :pageOffset";
        Mutiny.SelectionQuery<E> rows = session.createNativeQuery(select, type);
        params.forEach(rows::setParameter);
        rows.setParameter("pageLimit", request.limit()).setParameter("pageOffset", request.offset());
        Mutiny.SelectionQuery<Object> count = session.createNativeQuery("SELECT count(*) FROM " + table + where);
        params.forEach(count::setParameter);
        return rows.getResultList()
                .flatMap(items -> count.getSingleResult()
                        .map(total -> new Page<>(items, ((Number) total).longValue())));
    }
}
