package dev.kassa.common.event;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.math.BigDecimal;

/**
 * A cash movement of a terminal on {@code pos.cashlog}: the opening float, cash in (positive) or
 * cash out (negative). {@code event_type} is {@code cash_in_out}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CashLog(
        String eventId,
        String eventType,
        String tenantId,
        String storeCode,
        String storeName,
        int terminalNo,
        String staffId,
        String staffName,
        String businessDate,
        int openCounter,
        int businessCounter,
        String generateDateTime,
        BigDecimal amount,
        String description,
        String receiptText,
        String journalText) {

    public static final String EVENT_TYPE = "cash_in_out";
}
