package dev.kassa.stock.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** One applied change of one item's quantity: a row of its history. */
public record StockChange(
        String storeCode,
        String itemCode,
        UpdateType updateType,
        BigDecimal quantityChange,
        BigDecimal beforeQuantity,
        BigDecimal afterQuantity,
        String referenceId,
        OffsetDateTime timestamp,
        String operatorId,
        String note) {
}
