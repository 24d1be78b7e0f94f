package dev.kassa.cart.domain;

import java.math.BigDecimal;

/** The revenue stamp a receipt needs (印紙代): which tier applied, on what cash amount, at what cost. */
public record StampDuty(boolean isStampDutyApplied, BigDecimal stampDutyTargetAmount, BigDecimal stampDutyAmount) {
    public static final StampDuty NONE = new StampDuty(false, BigDecimal.ZERO, BigDecimal.ZERO);
}
