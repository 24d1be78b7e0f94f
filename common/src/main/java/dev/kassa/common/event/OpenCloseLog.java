package dev.kassa.common.event;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.math.BigDecimal;

/**
 * A terminal's open or close on {@code pos.opencloselog} ({@code event_type} and
 * {@code operation} are {@code open} or {@code close}). A close carries the counts the daily
 * report verifies before it answers.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OpenCloseLog(
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
        String operation,
        TerminalInfo terminalInfo,
        Integer cartTransactionCount,
        Long cartTransactionLastNo,
        Integer cashInOutCount,
        String cashInOutLastDatetime,
        String receiptText,
        String journalText) {

    public static final String OPEN = "open";
    public static final String CLOSE = "close";

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TerminalInfo(
            String terminalId,
            String tenantId,
            String storeCode,
            int terminalNo,
            String description,
            String functionMode,
            String status,
            String businessDate,
            int openCounter,
            int businessCounter,
            BigDecimal initialAmount,
            BigDecimal physicalAmount,
            String apiKey) {
    }
}
