package dev.kassa.common.api;

/** One {@code field:1} or {@code field:-1} term of a sort parameter; the field is snake_case. */
public record SortField(String field, boolean ascending) {
    @Override
    public String toString() {
        return field + ":" + (ascending ? "1" : "-1");
    }
}
