package dev.kassa.common.api;

import dev.kassa.common.json.Names;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code page}, {@code limit} and {@code sort=f:1,g:-1} of a list request, checked against the
 * fields a list may be sorted by. An unknown field or a malformed term is a 400, never ignored.
 * Page and limit are bounded ({@link Limits#PAGE_MAX}, {@link #MAX_LIMIT}) so the offset never overflows.
 */
public record PageRequest(int page, int limit, List<SortField> sort) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public PageRequest {
        sort = List.copyOf(sort);
    }

    public static PageRequest of(Integer page, Integer limit, String sort, Set<String> sortable) {
        return of(page, limit, sort, sortable, DEFAULT_LIMIT, MAX_LIMIT);
    }

    public static PageRequest of(Integer page, Integer limit, String sort, Set<String> sortable,
                                 int defaultLimit, int maxLimit) {
        int p = page == null ? 1 : page;
        int l = limit == null ? defaultLimit : limit;
        if (p < 1 || p > Limits.PAGE_MAX) {
            throw ApiException.validation("page must be between 1 and " + Limits.PAGE_MAX);
        }
        if (l < 1 || l > maxLimit) {
            throw ApiException.validation("limit must be between 1 and " + maxLimit);
        }
        return new PageRequest(p, l, parseSort(sort, sortable));
    }

    static List<SortField> parseSort(String sort, Set<String> sortable) {
        List<SortField> fields = new ArrayList<>();
        if (sort == null || sort.isBlank()) {
            return fields;
        }
        for (String term : sort.split(",")) {
            String t = term.trim();
            if (t.isEmpty()) {
                continue;
            }
            int colon = t.lastIndexOf(':');
            String name = Names.snake(colon < 0 ? t : t.substring(0, colon).trim());
            String dir = colon < 0 ? "1" : t.substring(colon + 1).trim();
            if (!sortable.contains(name)) {
                throw ApiException.badRequest(ErrorCodes.INVALID_SORT, "Cannot sort by '" + name
                        + "'; sortable fields: " + sortable.stream().sorted().collect(Collectors.joining(", ")));
            }
            boolean asc = switch (dir) {
                case "1", "asc" -> true;
                case "-1", "desc" -> false;
                default -> throw ApiException.badRequest(ErrorCodes.INVALID_SORT,
                        "Sort direction of '" + name + "' must be 1 or -1");
            };
            fields.add(new SortField(name, asc));
        }
        return fields;
    }

    /** The rows before this page; page and limit are bounded, so it always fits an int. */
    public int offset() {
        return Math.toIntExact((long) (page - 1) * limit);
    }

    /** The sort as the client may send it again, e.g. {@code transaction_no:-1}. */
    public String sortText() {
        return sort.isEmpty() ? null : sort.stream().map(SortField::toString).collect(Collectors.joining(","));
    }

    /** An SQL ORDER BY clause over whitelisted columns, with a tie-breaker for stable pages. */
    public String orderBy(String defaultOrder, String tieBreaker) {
        if (sort.isEmpty()) {
            return " ORDER BY " + defaultOrder;
        }
        String clause = sort.stream().map(f -> f.field() + (f.ascending() ? " ASC" : " DESC"))
                .collect(Collectors.joining(", "));
        return " ORDER BY " + clause + (tieBreaker == null ? "" : ", " + tieBreaker);
    }

    public PageMetadata metadata(long total, java.util.Map<String, Object> filter) {
        return new PageMetadata(total, page, limit, sortText(), filter);
    }
}
