package dev.kassa.report.domain;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.math.BigDecimal;
import java.util.List;

/** Sales per item, grouped by category; the totals cover everything, {@code categories} is the page. */
public record ItemReport(
        @JsonUnwrapped ReportHeader header,
        List<Category> categories,
        BigDecimal totalGrossAmount,
        BigDecimal totalDiscountAmount,
        BigDecimal totalNetAmount,
        int totalQuantity,
        int totalDiscountQuantity,
        int totalTransactionCount,
        String receiptText,
        String journalText) {

    public record Item(String itemCode, String itemName, BigDecimal grossAmount, BigDecimal discountAmount,
                       BigDecimal netAmount, int quantity, int discountQuantity, int transactionCount) {
    }

    public record Category(String categoryCode, String categoryName, List<Item> items,
                           BigDecimal categoryTotalGrossAmount, BigDecimal categoryTotalDiscountAmount,
                           BigDecimal categoryTotalNetAmount, int categoryTotalQuantity,
                           int categoryTotalDiscountQuantity, int categoryTotalTransactionCount) {
    }
}
