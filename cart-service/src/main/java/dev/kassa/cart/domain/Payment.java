package dev.kassa.cart.domain;

import java.math.BigDecimal;

/**
 * A tender on the cart. {@code depositAmount} is what the customer handed over, {@code paymentAmount}
 * what it pays of the balance (for cash with change: the balance at that moment).
 */
public record Payment(
        int paymentNo,
        String paymentCode,
        String paymentName,
        BigDecimal depositAmount,
        BigDecimal paymentAmount,
        String paymentDetail) {

    /** The change this tender gave back. */
    public BigDecimal changeAmount() {
        return depositAmount.subtract(paymentAmount);
    }
}
