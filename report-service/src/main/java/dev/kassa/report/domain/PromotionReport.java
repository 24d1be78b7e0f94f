package dev.kassa.report.domain;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.math.BigDecimal;
import java.util.List;

/** What each promotion gave away on the lines it applied to; totals cover all, the list is the page. */
public record PromotionReport(
        @JsonUnwrapped ReportHeader header,
        List<Line> promotions,
        BigDecimal totalGrossAmount,
        BigDecimal totalDiscountAmount,
        BigDecimal totalNetAmount,
        int totalQuantity,
        int totalTransactionCount,
        String receiptText,
        String journalText) {

    public record Line(String promotionCode, String promotionType, BigDecimal grossAmount, BigDecimal discountAmount,
                       BigDecimal netAmount, int quantity, int transactionCount) {
    }
}
