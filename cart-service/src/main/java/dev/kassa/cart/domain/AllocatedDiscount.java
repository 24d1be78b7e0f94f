package dev.kassa.cart.domain;

import java.math.BigDecimal;

/** The share of one subtotal (cart) discount carried by one line ({@code discounts_allocated}). */
public record AllocatedDiscount(int seqNo, DiscountType discountType, BigDecimal discountAmount) {
}
