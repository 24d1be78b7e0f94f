package dev.kassa.masterdata.rest;

import dev.kassa.common.api.bounds.Amount;
import dev.kassa.common.api.bounds.Code;
import dev.kassa.common.api.bounds.Name;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import java.math.BigDecimal;

/** A customer's fields, replaced whole. Lowering the limit below what is owed is allowed: no new credit then. */
public record CustomerUpdate(@NotBlank @Name String name, @Code String phone, @Name String email,
        @NotBlank @Code String loyaltyTier, @NotNull @PositiveOrZero @Amount BigDecimal creditLimit) {
}
