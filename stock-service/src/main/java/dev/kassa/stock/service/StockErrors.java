package dev.kassa.stock.service;

import dev.kassa.common.api.ApiException;

/** The stock service's business error codes (Kugel's 414xxx range). */
public final class StockErrors {
    public static final String STOCK_NOT_FOUND = "414001";
    public static final String SNAPSHOT_NOT_FOUND = "414202";

    private StockErrors() {
    }

    public static ApiException stockNotFound(String store, String item) {
        return ApiException.notFound(STOCK_NOT_FOUND, "Stock not found for item " + item + " in store " + store);
    }

    public static ApiException snapshotNotFound(String id) {
        return ApiException.notFound(SNAPSHOT_NOT_FOUND, "Snapshot " + id + " not found");
    }
}
