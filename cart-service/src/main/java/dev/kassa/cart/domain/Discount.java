package dev.kassa.cart.domain;

import java.math.BigDecimal;

/**
 * A discount on a line or on the subtotal. {@code discountAmount} is computed by the cart on every
 * recalculation; promotions fill {@code promotionCode} and {@code promotionType}.
 */
public record Discount(
        int seqNo,
        DiscountType discountType,
        BigDecimal discountValue,
        BigDecimal discountAmount,
        String discountDetail,
        String promotionCode,
        String promotionType) {

    public Discount {
        discountAmount = Money.orZero(discountAmount);
    }

    public static Discount of(int seqNo, DiscountType type, BigDecimal value, String detail) {
        return new Discount(seqNo, type, value, Money.ZERO, detail, null, null);
    }

    public boolean isPromotion() {
        return promotionType != null;
    }

    public Discount withAmount(BigDecimal amount) {
        return new Discount(seqNo, discountType, discountValue, amount, discountDetail, promotionCode, promotionType);
    }

    public Discount withSeqNo(int no) {
        return new Discount(no, discountType, discountValue, discountAmount, discountDetail, promotionCode, promotionType);
    }
}
