package dev.kassa.stock.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** The stock of one store at one moment. */
public record StockSnapshot(
        String snapshotId,
        String storeCode,
        int totalItems,
        BigDecimal totalQuantity,
        List<Item> items,
        String createdBy,
        OffsetDateTime createdAt,
        String generateDateTime) {

    public record Item(String itemCode, BigDecimal quantity, BigDecimal minimumQuantity, BigDecimal reorderPoint,
                       BigDecimal reorderQuantity) {
    }
}
