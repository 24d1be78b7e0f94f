package dev.kassa.stock.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** One item's stock in one store, as stored. */
public record StockLevel(
        String storeCode,
        String itemCode,
        BigDecimal currentQuantity,
        BigDecimal minimumQuantity,
        BigDecimal reorderPoint,
        BigDecimal reorderQuantity,
        OffsetDateTime lastUpdated,
        String lastTransactionId) {

    /** At or below a reorder point that is set. */
    public boolean needsReorder() {
        return reorderPoint.signum() > 0 && currentQuantity.compareTo(reorderPoint) <= 0;
    }

    /** Below a minimum that is set (an item with no minimum raises no alert). */
    public boolean belowMinimum() {
        return minimumQuantity.signum() > 0 && currentQuantity.compareTo(minimumQuantity) < 0;
    }
}
