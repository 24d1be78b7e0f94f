package dev.kassa.report.domain;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.math.BigDecimal;
import java.util.List;

/** Sales per category; the totals cover every category, {@code categories} is the requested page. */
public record CategoryReport(
        @JsonUnwrapped ReportHeader header,
        List<Line> categories,
        BigDecimal totalGrossAmount,
        BigDecimal totalDiscountAmount,
        BigDecimal totalNetAmount,
        int totalQuantity,
        int totalDiscountQuantity,
        int totalTransactionCount,
        String receiptText,
        String journalText) {

    public record Line(String categoryCode, String categoryName, BigDecimal grossAmount, BigDecimal discountAmount,
                       BigDecimal netAmount, int quantity, int discountQuantity, int transactionCount) {
    }
}
