package dev.kassa.masterdata.rest;

import dev.kassa.common.api.bounds.Amount;
import dev.kassa.common.api.bounds.Name;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import java.math.BigDecimal;

public record PaymentUpdate(@NotNull @Name String description, @NotNull @PositiveOrZero @Amount BigDecimal limitAmount, @NotNull Boolean canRefund,
        @NotNull Boolean canDepositOver, @NotNull Boolean canChange, @NotNull Boolean isActive) {
}
