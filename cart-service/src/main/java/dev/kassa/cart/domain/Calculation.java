package dev.kassa.cart.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * The result of one recalculation of a cart ({@link CartCalculator#calculate}).
 *
 * @param lineItemsAmount Σ amounts of the non-cancelled lines (before subtotal discounts)
 * @param totalAmount     lineItemsAmount − Σ subtotal discounts (Kugel's sales.total_amount)
 * @param taxAmount       Σ External taxes
 */
public record Calculation(
        List<LineItem> lineItems,
        List<Discount> subtotalDiscounts,
        List<Payment> payments,
        List<Tax> taxes,
        BigDecimal lineItemsAmount,
        BigDecimal totalAmount,
        BigDecimal taxAmount,
        BigDecimal totalAmountWithTax,
        int totalQuantity,
        BigDecimal totalDiscountAmount,
        BigDecimal depositAmount,
        BigDecimal changeAmount,
        BigDecimal paidAmount,
        BigDecimal balanceAmount,
        StampDuty stampDuty) {
}
