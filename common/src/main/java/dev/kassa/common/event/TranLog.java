package dev.kassa.common.event;

import dev.kassa.common.api.Limits;
import dev.kassa.common.api.bounds.Amount;
import dev.kassa.common.api.bounds.Code;
import dev.kassa.common.api.bounds.Name;
import dev.kassa.common.api.bounds.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

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
        @Code String eventId,
        @Code String eventType,
        @Code String tenantId,
        @Code String storeCode,
        @Name String storeName,
        int terminalNo,
        long transactionNo,
        int transactionType,
        @Code String businessDate,
        int openCounter,
        int businessCounter,
        @Code String generateDateTime,
        long receiptNo,
        @Valid Person user,
        @Valid Person staff,
        @Valid Sales sales,
        @Size(max = Limits.CART_LINES_MAX) List<@Valid LineItem> lineItems,
        @Size(max = Limits.CART_LINES_MAX) List<@Valid Payment> payments,
        @Size(max = Limits.CART_LINES_MAX) List<@Valid Tax> taxes,
        @Size(max = Limits.CART_LINES_MAX) List<@Valid Discount> subtotalDiscounts,
        @Valid Origin origin,
        @Size(max = RECEIPT_TEXT_MAX) String receiptText,
        @Size(max = RECEIPT_TEXT_MAX) String journalText,
        @Size(max = Limits.LIST_MAX) Map<String, Object> additionalInfo) {
    /** Receipt and journal text of the largest cart: every line at most a free-text line long. */
    public static final int RECEIPT_TEXT_MAX = Limits.CART_LINES_MAX * Limits.TEXT_MAX;


    public static final String EVENT_TYPE = "tranlog";
    public static final int SALE = 101;
    public static final int RETURN = 102;
    public static final int VOID_SALE = 201;
    public static final int VOID_RETURN = 202;

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Person(@Code String id, @Name String name) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Sales(
            @Amount BigDecimal totalAmount,
            @Amount BigDecimal totalAmountWithTax,
            @Amount BigDecimal taxAmount,
            int totalQuantity,
            @Amount BigDecimal changeAmount,
            @Amount BigDecimal totalDiscountAmount,
            boolean isCancelled,
            boolean isStampDutyApplied,
            @Amount BigDecimal stampDutyTargetAmount,
            @Amount BigDecimal stampDutyAmount) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record LineItem(
            int lineNo,
            @Code String itemCode,
            @Name String itemName,
            @Code String categoryCode,
            @Amount BigDecimal unitPrice,
            @Amount BigDecimal unitPriceOriginal,
            boolean isUnitPriceChanged,
            int quantity,
            @Amount BigDecimal amount,
            @Code String taxCode,
            @Size(max = Limits.CART_LINES_MAX) List<@Valid Discount> discounts,
            @Size(max = Limits.CART_LINES_MAX) List<@Valid AllocatedDiscount> discountsAllocated,
            boolean isCancelled,
            boolean isDiscountRestricted) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Discount(
            int seqNo,
            @Code String discountType,
            @Amount BigDecimal discountValue,
            @Amount BigDecimal discountAmount,
            @Text String discountDetail,
            @Code String promotionCode,
            @Code String promotionType) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AllocatedDiscount(int seqNo, @Code String discountType, @Amount BigDecimal discountAmount,
                                    int quantity) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Payment(
            int paymentNo,
            @Code String paymentCode,
            @Name String description,
            @Amount BigDecimal depositAmount,
            @Amount BigDecimal amount,
            @Text String detail) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Tax(
            int taxNo,
            @Code String taxCode,
            @Code String taxType,
            @Name String taxName,
            @Amount BigDecimal taxAmount,
            @Amount BigDecimal targetAmount,
            int targetQuantity) {
    }

    /** For returns and voids: the transaction they refer to. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Origin(
            @Code String tenantId,
            @Code String storeCode,
            int terminalNo,
            long transactionNo,
            int transactionType,
            @Code String businessDate,
            @Code String generateDateTime,
            long receiptNo) {
    }
}
