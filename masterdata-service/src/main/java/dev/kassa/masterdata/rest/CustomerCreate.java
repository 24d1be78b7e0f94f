package dev.kassa.masterdata.rest;

import dev.kassa.common.api.bounds.Amount;
import dev.kassa.common.api.bounds.Code;
import dev.kassa.common.api.bounds.Name;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;

import java.math.BigDecimal;

/** A new customer; no credit limit means no credit, no tier means {@code standard}. */
public record CustomerCreate(@NotBlank @Code String customerCode, @NotBlank @Name String name, @Code String phone,
        @Name String email, @Code String loyaltyTier, @PositiveOrZero @Amount BigDecimal creditLimit) {
}
