package dev.kassa.cart.domain;

import dev.kassa.common.api.bounds.Amount;
import dev.kassa.common.api.bounds.Code;
import dev.kassa.common.api.bounds.Text;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

/** A payment as the client sends it: {@code {paymentCode, amount, detail?}}. */
public record PaymentRequest(@NotNull @Code String paymentCode, @Amount BigDecimal amount, @Text String detail) {

    public static PaymentRequest of(String paymentCode, long amount) {
        return new PaymentRequest(paymentCode, BigDecimal.valueOf(amount), null);
    }
}
