package dev.kassa.cart.domain;

import java.math.BigDecimal;

/** A payment as the client sends it: {@code {paymentCode, amount, detail?}}. */
public record PaymentRequest(String paymentCode, BigDecimal amount, String detail) {

    public static PaymentRequest of(String paymentCode, long amount) {
        return new PaymentRequest(paymentCode, BigDecimal.valueOf(amount), null);
    }
}
