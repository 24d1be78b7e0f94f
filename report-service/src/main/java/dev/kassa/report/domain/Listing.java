package dev.kassa.report.domain;

import dev.kassa.common.api.PageRequest;
import dev.kassa.common.api.SortField;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Sorting and paging of a report's list (categories, payments, promotions) by snake_case field names. */
final class Listing {

    private Listing() {
    }

    static <T> List<T> page(List<T> all, PageRequest page, Map<String, Comparator<T>> fields, Comparator<T> order) {
        Comparator<T> comparator = null;
        if (page != null) {
            for (SortField f : page.sort()) {
                Comparator<T> c = fields.get(f.field());
                if (c == null) {
                    continue; // the no-op sort fields
                }
                c = f.ascending() ? c : c.reversed();
                comparator = comparator == null ? c : comparator.thenComparing(c);
            }
        }
        comparator = comparator == null ? order : comparator.thenComparing(order);
        List<T> sorted = all.stream().sorted(comparator).toList();
        if (page == null) {
            return sorted;
        }
        int from = Math.min(page.offset(), sorted.size());
        int to = Math.min(from + page.limit(), sorted.size());
        return sorted.subList(from, to);
    }

    static <T, U extends Comparable<? super U>> Comparator<T> by(java.util.function.Function<T, U> key) {
        return Comparator.comparing(key, Comparator.nullsFirst(Comparator.naturalOrder()));
    }
}
