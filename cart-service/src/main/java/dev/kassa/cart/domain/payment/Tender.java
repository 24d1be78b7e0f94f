package dev.kassa.cart.domain.payment;

import java.math.BigDecimal;

/** What a payment plugin decided: the deposit taken and the amount it pays of the balance. */
public record Tender(BigDecimal depositAmount, BigDecimal amount) {
}
