package dev.kassa.common.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A completed, cancelled, voided or returned transaction as published on {@code pos.tranlog}
 * (Kugel's tranlog, snake_case, plus {@code event_id} and {@code event_type}).
 * Types: 101 sale, 102 return, 201 void of a sale, 202 void of a return.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TranLog(
        String eventId,
        String eventType,
        String tenantId,
        String storeCode,
        String storeName,
        int terminalNo,
        long transactionNo,
        int transactionType,
        String businessDate,
        int openCounter,
        int businessCounter,
        String generateDateTime,
        long receiptNo,
        Person user,
        Person staff,
        Sales sales,
        List<LineItem> lineItems,
        List<Payment> payments,
        List<Tax> taxes,
        List<Discount> subtotalDiscounts,
        Origin origin,
        String receiptText,
        String journalText,
        Map<String, Object> additionalInfo) {

    public static final String EVENT_TYPE = "tranlog";
    public static final int SALE = 101;
    public static final int RETURN = 102;
    public static final int VOID_SALE = 201;
    public static final int VOID_RETURN = 202;

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Person(String id, String name) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Sales(
            BigDecimal totalAmount,
            BigDecimal totalAmountWithTax,
            BigDecimal taxAmount,
            int totalQuantity,
            BigDecimal changeAmount,
            BigDecimal totalDiscountAmount,
            boolean isCancelled,
            boolean isStampDutyApplied,
            BigDecimal stampDutyTargetAmount,
            BigDecimal stampDutyAmount) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record LineItem(
            int lineNo,
            String itemCode,
            String itemName,
            String categoryCode,
            BigDecimal unitPrice,
            BigDecimal unitPriceOriginal,
            boolean isUnitPriceChanged,
            int quantity,
            BigDecimal amount,
            String taxCode,
            List<Discount> discounts,
            List<AllocatedDiscount> discountsAllocated,
            boolean isCancelled,
            boolean isDiscountRestricted) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Discount(
            int seqNo,
            String discountType,
            BigDecimal discountValue,
            BigDecimal discountAmount,
            String discountDetail,
            String promotionCode,
            String promotionType) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AllocatedDiscount(int seqNo, String discountType, BigDecimal discountAmount, int quantity) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Payment(
            int paymentNo,
            String paymentCode,
            String description,
            BigDecimal depositAmount,
            BigDecimal amount,
            String detail) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Tax(
            int taxNo,
            String taxCode,
            String taxType,
            String taxName,
            BigDecimal taxAmount,
            BigDecimal targetAmount,
            int targetQuantity) {
    }

    /** For returns and voids: the transaction they refer to. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Origin(
            String tenantId,
            String storeCode,
            int terminalNo,
            long transactionNo,
            int transactionType,
            String businessDate,
            String generateDateTime,
            long receiptNo) {
    }
}
