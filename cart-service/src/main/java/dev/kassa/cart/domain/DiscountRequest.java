package dev.kassa.cart.domain;

import dev.kassa.common.api.bounds.Amount;
import dev.kassa.common.api.bounds.Code;
import dev.kassa.common.api.bounds.Text;

import java.math.BigDecimal;

/** A discount as a client sends it: {@code {discountType, discountValue, discountDetail?}}. */
public record DiscountRequest(@Code String discountType, @Amount BigDecimal discountValue, @Text String discountDetail) {

    public static DiscountRequest amount(long value) {
        return new DiscountRequest(DiscountType.DiscountAmount.name(), BigDecimal.valueOf(value), null);
    }

    public static DiscountRequest percentage(long value) {
        return new DiscountRequest(DiscountType.DiscountPercentage.name(), BigDecimal.valueOf(value), null);
    }

    /**
     * Validates and converts. An unknown type, a missing or negative value, or a percentage above 100
     * is 422 / 300001 (Kugel answered 500).
     */
    public Discount toDiscount(int seqNo) {
        DiscountType type = DiscountType.parse(discountType)
                .orElseThrow(() -> CartErrors.invalid("Invalid discount type: " + discountType
                        + " (expected DiscountAmount or DiscountPercentage)"));
        if (discountValue == null) {
            throw CartErrors.invalid("discountValue is required");
        }
        if (discountValue.signum() < 0) {
            throw CartErrors.invalid("Invalid discount value: " + discountValue.toPlainString() + " (must not be negative)");
        }
        if (type == DiscountType.DiscountPercentage && discountValue.compareTo(Money.HUNDRED) > 0) {
            throw CartErrors.invalid("Invalid discount percentage: " + discountValue.toPlainString() + " (must be 0-100)");
        }
        return Discount.of(seqNo, type, discountValue, discountDetail);
    }
}
