package dev.kassa.report.domain;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.math.BigDecimal;
import java.util.List;

/**
 * Sales per payment method with its share of the total. Kugel answers this one in snake_case
 * (kugel-features.md §6 ⚠); Kassa keeps that, so Kugel's back office reads it unchanged.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PaymentReport(
        String tenantId,
        String storeCode,
        Integer terminalNo,
        String businessDate,
        String businessDateFrom,
        String businessDateTo,
        Integer openCounter,
        Integer businessCounter,
        String reportScope,
        String reportType,
        List<Line> paymentSummary,
        Total total,
        String generateDateTime,
        String receiptText,
        String journalText) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Line(String paymentCode, String paymentName, int count, BigDecimal amount, BigDecimal ratio) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Total(int count, BigDecimal amount) {
    }
}
