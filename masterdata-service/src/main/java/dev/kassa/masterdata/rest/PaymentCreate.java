package dev.kassa.masterdata.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import java.math.BigDecimal;

public record PaymentCreate(@NotBlank String paymentCode, @NotNull String description, @NotNull @PositiveOrZero BigDecimal limitAmount,
        @NotNull Boolean canRefund, @NotNull Boolean canDepositOver, @NotNull Boolean canChange, @NotNull Boolean isActive) {
}
