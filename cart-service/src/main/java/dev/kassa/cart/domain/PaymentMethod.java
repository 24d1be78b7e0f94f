package dev.kassa.cart.domain;

import java.math.BigDecimal;

/** Payment master data (master-data {@code /payments}); {@code description} is the payment's name. */
public record PaymentMethod(
        String paymentCode,
        String description,
        BigDecimal limitAmount,
        boolean canRefund,
        boolean canDepositOver,
        boolean canChange,
        boolean isActive) {

    /** The seed payments of kugel-flows.md §1: 01 Cash, 11 Cashless, 12 Others. */
    public static java.util.Map<String, PaymentMethod> defaults() {
        return java.util.Map.of(
                "01", new PaymentMethod("01", "Cash", BigDecimal.ZERO, true, true, true, true),
                "11", new PaymentMethod("11", "Cashless", BigDecimal.ZERO, false, false, false, true),
                "12", new PaymentMethod("12", "Others", BigDecimal.ZERO, false, false, false, true));
    }
}
