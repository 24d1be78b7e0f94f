package dev.kassa.report.domain;

import dev.kassa.common.api.ApiException;

import java.util.Locale;
import java.util.Set;

/** The report makers (Kugel's plugins.json), with the fields each list may be sorted by. */
public enum ReportType {
    SALES("sales", Set.of()),
    CATEGORY("category", Set.of("category_code", "category_name", "gross_amount", "discount_amount", "net_amount",
            "quantity", "discount_quantity", "transaction_count")),
    ITEM("item", Set.of("category_code", "category_name")),
    PAYMENT("payment", Set.of("payment_code", "payment_name", "amount", "count", "ratio")),
    PROMOTION("promotion", Set.of("promotion_code", "promotion_type", "gross_amount", "discount_amount", "net_amount",
            "quantity", "transaction_count"));

    /** Kugel's default sort ({@code store_code:1}) is accepted everywhere: a report has one store. */
    public static final String NO_OP_SORT = "store_code";

    private final String wire;
    private final Set<String> sortable;

    ReportType(String wire, Set<String> sortable) {
        this.wire = wire;
        this.sortable = sortable;
    }

    public String wire() {
        return wire;
    }

    public Set<String> sortable() {
        java.util.Set<String> all = new java.util.HashSet<>(sortable);
        all.add(NO_OP_SORT);
        return all;
    }

    public static ReportType parse(String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.validation("Invalid input data: report_type: field required");
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (ReportType t : values()) {
            if (t.wire.equals(v)) {
                return t;
            }
        }
        throw ReportErrors.unknownType(value);
    }
}
